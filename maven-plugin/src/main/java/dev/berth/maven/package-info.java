/**
 * Berth's Maven plugin: goals that build, tag, push, save and remove images and start and stop
 * containers around integration tests. Each goal maps its configuration to {@code berth-core}
 * calls ({@link dev.berth.DockerClient}) and nothing more; the waits are {@code dev.berth.wait}'s.
 */
package dev.berth.maven;
