/**
 * Berth's Docker client: {@link dev.berth.DockerClient} and its resource groups, JSON mapping, API
 * version negotiation and typed errors.
 */
module dev.berth.core {
  requires transitive dev.berth.model;
  requires transitive dev.berth.transport;
  requires tools.jackson.databind;
  requires org.slf4j;

  exports dev.berth;
  exports dev.berth.containers;
  exports dev.berth.images;
  exports dev.berth.networks;
  exports dev.berth.swarm;
  exports dev.berth.system;
  exports dev.berth.volumes;
  exports dev.berth.wait;
}
