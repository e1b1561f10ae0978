/**
 * {@code docker.containers()}: {@code /containers/…} calls, among them {@code POST
 * /containers/create} (in {@link dev.berth.internal.containers.ContainerCalls#create}), the
 * lifecycle, and {@code docker cp} ({@link dev.berth.internal.containers.ArchiveCalls}). A resource
 * group: it uses the call layer, the stream readers and request bodies, never another group.
 */
package dev.berth.internal.containers;
