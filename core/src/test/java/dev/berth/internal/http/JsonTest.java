package dev.berth.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @SuppressWarnings("unchecked")
  @Test
  void readsObjectsAsFrozenMapsAndListsAtEveryDepth() throws IOException {
    Object json = Json.read(new ByteArrayInputStream(
        "{\"A\":{\"B\":[1,{\"C\":null}]},\"N\":12345678901,\"F\":1.5,\"T\":true}"
            .getBytes(StandardCharsets.UTF_8)));
    Map<String, Object> top = (Map<String, Object>) json;
    Map<String, Object> a = (Map<String, Object>) top.get("A");
    List<Object> b = (List<Object>) a.get("B");
    Map<String, Object> c = (Map<String, Object>) b.get(1);
    assertThat(c).containsEntry("C", null);
    assertThat(top.get("N")).isEqualTo(12345678901L);
    assertThat(top.get("F")).isEqualTo(1.5);
    assertThat(top.get("T")).isEqualTo(true);
    assertThatThrownBy(() -> top.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> a.remove("B")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> b.add(2)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> c.clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void keepsFieldOrder() throws IOException {
    Object json = Json.read("{\"z\":1,\"a\":2,\"m\":3}".getBytes(StandardCharsets.UTF_8));
    assertThat(new java.util.ArrayList<Object>(((Map<?, ?>) json).keySet())).containsExactly("z", "a", "m");
  }

  @Test
  void malformedJsonIsAnIoErrorSayingSo() {
    assertThatThrownBy(() -> Json.read("{\"a\":".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("JSON");
  }

  @Test
  void writesMapsAndLists() {
    assertThat(new String(Json.write(Map.of("Cmd", List.of("sh", "-c"))), StandardCharsets.UTF_8))
        .isEqualTo("{\"Cmd\":[\"sh\",\"-c\"]}");
  }
}
