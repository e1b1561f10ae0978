package dev.berth;

import java.util.Map;

/**
 * Any Engine API endpoint, for what Berth does not type yet: JSON answers come back as maps,
 * lists, strings, numbers and booleans, unmodifiable. The {@code /v1.NN} prefix of the negotiated
 * version is added, and errors are typed as everywhere else.
 *
 * <pre>{@code
 * Map<String, Object> c = (Map<String, Object>) docker.api().get("/containers/web/json");
 * docker.api().call("POST", "/containers/web/kill", Map.of("signal", "HUP"), null);
 * }</pre>
 */
public interface EngineApi {
  /**
   * {@code GET path}: the answer's JSON, its text if it is not JSON, or null if empty.
   *
   * @param path the path without version prefix or query, starting with {@code /}, with any
   *     variable part percent-encoded
   * @throws DockerApiException (a subclass by status) for an error answer
   */
  Object get(String path);

  /**
   * {@code method path?query} with an optional JSON body: the answer's JSON, its text if it is not
   * JSON, or null if empty.
   *
   * @param query query parameters, encoded here; may be empty
   * @param jsonBody maps, lists, strings, numbers and booleans sent as JSON, or null for no body
   * @throws DockerApiException (a subclass by status) for an error answer
   */
  Object call(String method, String path, Map<String, ?> query, Object jsonBody);
}
