/**
 * Docker Swarm through the same client: the swarm itself ({@code docker swarm}), its nodes,
 * services and their tasks, secrets and configs.
 *
 * <pre>{@code
 * Swarm swarm = docker.swarm();
 * swarm.init(SwarmInit.advertising("127.0.0.1"));
 * ServiceDetails web = swarm.services().create(ServiceSpec.of("nginx:1.25").name("web")
 *     .replicas(3).publish(ServicePort.ingress(8080, 80)));
 * swarm.services().awaitConverged("web", Duration.ofMinutes(1));
 * swarm.services().scale("web", 1);
 * }</pre>
 */
package dev.berth.swarm;
