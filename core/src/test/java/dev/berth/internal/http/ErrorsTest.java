package dev.berth.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.BadRequestException;
import dev.berth.ConflictException;
import dev.berth.DockerApiException;
import dev.berth.ForbiddenException;
import dev.berth.NotFoundException;
import dev.berth.ServerErrorException;
import dev.berth.UnauthorizedException;
import dev.berth.model.ApiVersion;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ErrorsTest {
  private static final ApiVersion V = ApiVersion.of(1, 41);

  private static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void podmansFiveHundredsWithAKnownCauseAreConflictsAndBadRequests() {
    // the bodies Podman 4.3 sends (seen on its Docker-compatible service)
    DockerApiException taken = Errors.fromAnswer(500, "POST", "/v1.41/networks/create", V,
        text("{\"cause\":\"network already exists\",\"message\":\"network name n already used:"
            + " network already exists\",\"response\":500}"));
    assertThat(taken).isInstanceOf(ConflictException.class);
    assertThat(taken.status()).isEqualTo(500);
    assertThat(taken.engineMessage()).isEqualTo("network name n already used: network already"
        + " exists");
    DockerApiException filter = Errors.fromAnswer(500, "GET", "/v1.41/containers/json", V,
        text("{\"cause\":\"bogus is an invalid filter\",\"message\":\"bogus is an invalid"
            + " filter\",\"response\":500}"));
    assertThat(filter).isInstanceOf(BadRequestException.class);
    DockerApiException unknownCause = Errors.fromAnswer(500, "GET", "/v1.41/info", V,
        text("{\"cause\":\"something else\",\"message\":\"boom\",\"response\":500}"));
    assertThat(unknownCause).isInstanceOf(ServerErrorException.class);
    // dockerd's 500s carry no cause and stay server errors
    assertThat(Errors.fromAnswer(500, "GET", "/v1.41/info", V, text("{\"message\":\"network"
        + " already exists\"}"))).isInstanceOf(ServerErrorException.class);
  }

  @Test
  void aPlainNotFoundSaysTheEngineMayNotImplementTheCall() {
    DockerApiException e = Errors.fromAnswer(404, "POST", "/v1.41/containers/abc/update", V,
        text("Not Found"));
    assertThat(e).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("the engine does not know POST /containers/abc/update");
    assertThat(Errors.fromAnswer(404, "GET", "/v1.41/containers/x/json", V,
        text("{\"message\":\"No such container: x\"}")).getMessage())
        .doesNotContain("does not know");
  }

  @Test
  void statusPicksTheExceptionType() {
    assertThat(Errors.forStatus(400, "GET", "/p", V, "m")).isInstanceOf(BadRequestException.class);
    assertThat(Errors.forStatus(401, "GET", "/p", V, "m"))
        .isInstanceOf(UnauthorizedException.class);
    assertThat(Errors.forStatus(403, "GET", "/p", V, "m")).isInstanceOf(ForbiddenException.class);
    assertThat(Errors.forStatus(404, "GET", "/p", V, "m")).isInstanceOf(NotFoundException.class);
    assertThat(Errors.forStatus(409, "GET", "/p", V, "m")).isInstanceOf(ConflictException.class);
    assertThat(Errors.forStatus(500, "GET", "/p", V, "m")).isInstanceOf(ServerErrorException.class);
    assertThat(Errors.forStatus(502, "GET", "/p", V, "m")).isInstanceOf(ServerErrorException.class);
    DockerApiException other = Errors.forStatus(418, "GET", "/p", V, "m");
    assertThat(other.getClass()).isEqualTo(DockerApiException.class);
    assertThat(other.status()).isEqualTo(418);
  }

  @Test
  void jsonBodyGivesItsMessage() {
    DockerApiException e = Errors.fromAnswer(409, "POST", "/v1.41/containers/create", V,
        text("{\"message\":\"Conflict. The container name \\\"/web\\\" is already in use\"}\n"));
    assertThat(e.engineMessage()).isEqualTo("Conflict. The container name \"/web\" is already in use");
    assertThat(e.getMessage()).isEqualTo("Conflict. The container name \"/web\" is already in use"
        + " [POST /v1.41/containers/create answered 409, API 1.41]");
  }

  @Test
  void textBodyIsTrimmed() {
    assertThat(Errors.fromAnswer(500, "GET", "/p", V, text("\n  page not found \n")).engineMessage())
        .isEqualTo("page not found");
  }

  @Test
  void jsonWithoutMessageIsKeptAsText() {
    assertThat(Errors.fromAnswer(500, "GET", "/p", V, text("{\"error\":\"x\"}")).engineMessage())
        .isEqualTo("{\"error\":\"x\"}");
  }

  @Test
  void emptyBodySaysSo() {
    DockerApiException e = Errors.fromAnswer(404, "GET", "/_ping", null, text(""));
    assertThat(e.engineMessage()).isEmpty();
    assertThat(e.getMessage()).isEqualTo("(the engine sent no message) [GET /_ping answered 404]");
  }

  @Test
  void readsAtMostOneMebibyteOfBodyAndKeepsItsStart() {
    byte[] huge = new byte[3 << 20];
    java.util.Arrays.fill(huge, (byte) 'x');
    String message = Errors.fromAnswer(500, "GET", "/p", V, new ByteArrayInputStream(huge))
        .engineMessage();
    assertThat(message).startsWith("x".repeat(2000) + "…")
        .endsWith("(" + Errors.MAX_BODY + " bytes in all)");
  }
}
