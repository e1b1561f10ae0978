package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Reaches the container berth:start started, on the port the plugin exported. */
class WebIT {
  @Test
  void answersOnTheExportedPort() throws Exception {
    String host = System.getProperty("web.host");
    String port = System.getProperty("web.port");
    HttpResponse<String> answer = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/")).build(),
        HttpResponse.BodyHandlers.ofString());
    System.out.println("GET http://" + host + ":" + port + "/ answered " + answer.statusCode());
    assertEquals(200, answer.statusCode());
    assertEquals(System.getProperty("web.expect"), answer.body().trim());
  }
}
