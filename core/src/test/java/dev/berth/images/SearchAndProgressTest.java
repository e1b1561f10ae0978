package dev.berth.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.DockerClient;
import dev.berth.DockerException;
import dev.berth.FakeEngine;
import dev.berth.model.Progress;
import dev.berth.model.PullProgress;
import dev.berth.model.SearchResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a real engine cannot give here: Docker Hub search (no internet) and canned progress streams
 * (a pull whose layer sizes arrive late, an error in the middle of a 200 answer).
 */
class SearchAndProgressTest {
  private static FakeEngine.Answer json(String body) {
    return FakeEngine.Answer.bytes("application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void searchIsTypedAndSendsTermAndLimit() throws Exception {
    try (FakeEngine engine = new FakeEngine(line -> json("[{\"name\":\"centos\","
        + "\"description\":\"The official build of CentOS.\",\"star_count\":7000,"
        + "\"is_official\":true,\"is_automated\":false},{\"name\":\"ansible/centos7-ansible\","
        + "\"description\":\"Ansible on Centos7\",\"star_count\":134,\"is_official\":false,"
        + "\"is_automated\":true}]"));
        DockerClient docker = DockerClient.builder().endpoint(engine.endpoint())
            .apiVersion("1.41").build()) {
      List<SearchResult> results = docker.images().search("centos", 2);
      assertThat(results).containsExactly(
          new SearchResult("centos", "The official build of CentOS.", 7000, true, false),
          new SearchResult("ansible/centos7-ansible", "Ansible on Centos7", 134, false, true));
      assertThat(engine.requests()).containsExactly("GET /v1.41/images/search?term=centos&limit=2");
      assertThatThrownBy(() -> docker.images().search(" ", 0))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void pullProgressIsTypedAndTheAggregateOnlyMovesForward() throws Exception {
    String stream = String.join("\n",
        "{\"status\":\"Pulling from test/app\",\"id\":\"1\"}",
        "{\"status\":\"Pulling fs layer\",\"progressDetail\":{},\"id\":\"aaa\"}",
        "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":50,\"total\":100},"
            + "\"id\":\"aaa\"}",
        // a second layer's size arrives late: the total grows, the fraction must not fall
        "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":10,\"total\":1000},"
            + "\"id\":\"bbb\"}",
        "{\"status\":\"Download complete\",\"progressDetail\":{},\"id\":\"aaa\"}",
        "{\"status\":\"Pull complete\",\"progressDetail\":{},\"id\":\"bbb\"}",
        "{\"status\":\"Digest: sha256:" + "a".repeat(64) + "\"}",
        "{\"status\":\"Status: Downloaded newer image for 127.0.0.1:5000/test/app:1\"}");
    try (FakeEngine engine = new FakeEngine(line -> json(stream));
        DockerClient docker = DockerClient.builder().endpoint(engine.endpoint())
            .apiVersion("1.41").build()) {
      List<Progress> seen = new ArrayList<>();
      List<Double> fractions = new ArrayList<>();
      PullProgress overall = new PullProgress();
      String last = docker.images().pull("127.0.0.1:5000/test/app:1").progress(p -> {
        seen.add(p);
        overall.add(p);
        fractions.add(overall.fraction());
      }).call();
      assertThat(last).isEqualTo("Status: Downloaded newer image for 127.0.0.1:5000/test/app:1");
      assertThat(seen.get(2)).isEqualTo(new Progress("Downloading", "aaa", 50, 100, null, null,
          Map.of()));
      assertThat(fractions).isSorted();
      assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);
      assertThat(overall.total()).isEqualTo(1100);
      assertThat(engine.requests()).singleElement().asString()
          .startsWith("POST /v1.41/images/create?fromImage=127.0.0.1%3A5000%2Ftest%2Fapp&tag=1");
    }
  }

  @Test
  void errorDetailInsideA200StreamThrowsWithItsMessage() throws Exception {
    String stream = "{\"status\":\"Pulling from test/app\",\"id\":\"1\"}\n"
        + "{\"errorDetail\":{\"message\":\"manifest for test/app:2 not found\"},"
        + "\"error\":\"manifest for test/app:2 not found\"}\n";
    try (FakeEngine engine = new FakeEngine(line -> json(stream));
        DockerClient docker = DockerClient.builder().endpoint(engine.endpoint())
            .apiVersion("1.41").build()) {
      assertThatThrownBy(() -> docker.images().pull("test/app:2").call())
          .isInstanceOf(DockerException.class)
          .hasMessageContaining("manifest for test/app:2 not found");
    }
  }
}
