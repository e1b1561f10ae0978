/**
 * {@code docker.swarm()}: {@code /swarm}, {@code /nodes}, {@code /services}, {@code /tasks}, {@code
 * /secrets} and {@code /configs}, and {@link dev.berth.internal.swarm.ServiceConvergence}, which
 * says when a service has converged. A resource group: it uses the call layer, the stream readers,
 * request bodies and {@code auth}, never another group.
 */
package dev.berth.internal.swarm;
