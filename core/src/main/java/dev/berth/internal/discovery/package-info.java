/**
 * Which engine to talk to, decided as the docker CLI decides it: {@link
 * dev.berth.internal.discovery.Discovery} goes through the explicit endpoint, {@code DOCKER_HOST},
 * the context ({@link dev.berth.internal.discovery.ContextStore}) and the usual sockets; {@link
 * dev.berth.internal.discovery.DockerConfig} finds {@code config.json}.
 */
package dev.berth.internal.discovery;
