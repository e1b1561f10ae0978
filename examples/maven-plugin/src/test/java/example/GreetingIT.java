package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Runs against the container berth:start started from the image berth:build made. */
class GreetingIT {
  @Test
  void theSiteGreetsWithItsVersion() throws Exception {
    URI site = URI.create(System.getProperty("site.url"));
    HttpResponse<String> page = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(site).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("Hello from greeting-site "
        + System.getProperty("site.version")), page.body());
  }
}
