package dev.berth.internal.swarm;

import static dev.berth.internal.http.Fields.object;
import static dev.berth.internal.http.Fields.string;
import static dev.berth.internal.swarm.SwarmJson.child;
import static dev.berth.internal.swarm.SwarmJson.mutable;
import static dev.berth.internal.swarm.SwarmJson.objects;
import static dev.berth.internal.swarm.SwarmJson.segment;
import static dev.berth.internal.swarm.SwarmJson.toNode;
import static dev.berth.internal.swarm.SwarmJson.version;

import dev.berth.internal.http.ApiClient;
import dev.berth.model.NodeDetails;
import dev.berth.swarm.NodeUpdate;
import dev.berth.swarm.Nodes;
import dev.berth.swarm.Swarm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code docker node}: {@code /nodes}. */
final class NodeCalls implements Nodes {
  private final ApiClient api;

  NodeCalls(ApiClient api) {
    this.api = api;
  }

  @Override
  public List<NodeDetails> list(Map<String, List<String>> filters) {
    List<NodeDetails> out = new ArrayList<>();
    for (Map<String, Object> m : objects(api.call("GET", "/nodes")
        .filters(filters))) {
      out.add(toNode(m));
    }
    return out;
  }

  @Override
  public NodeDetails inspect(String idOrName) {
    return toNode(api.call("GET", "/nodes/" + node(idOrName)).jsonObject());
  }

  @Override
  public NodeDetails update(String idOrName, NodeUpdate update) {
    Map<String, Object> m = api.call("GET", "/nodes/" + node(idOrName)).jsonObject();
    Map<String, Object> spec = mutable(object(m, "Spec"));
    if (update.availability() != null) {
      spec.put("Availability", update.availability());
    }
    if (update.role() != null) {
      spec.put("Role", update.role());
    }
    Map<String, Object> labels = child(spec, "Labels");
    update.labelsRemoved().forEach(labels::remove);
    labels.putAll(update.labelsAdded());
    String id = string(m, "ID");
    api.call("POST", "/nodes/" + segment(id) + "/update")
        .query("version", String.valueOf(version(m))).jsonBody(spec).discard();
    return inspect(id);
  }

  @Override
  public void remove(String idOrName, boolean force) {
    api.call("DELETE", "/nodes/" + node(idOrName)).query("force", force ? "true" : null)
        .discard();
  }

  /** A node's id or name, with {@code self} (as the docker CLI takes it) read as this node. */
  private String node(String idOrName) {
    if (!"self".equals(idOrName)) {
      return segment(idOrName);
    }
    String id = string(object(api.call("GET", "/info").jsonObject(), "Swarm"), "NodeID");
    if (id == null || id.isEmpty()) {
      throw new IllegalStateException("node \"self\" names this engine's node, but the engine is"
          + " not in a swarm");
    }
    return segment(id);
  }
}
