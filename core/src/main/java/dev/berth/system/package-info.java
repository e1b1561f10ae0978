/**
 * The engine as a whole, as {@code docker version}, {@code docker info} and a ping show it: {@link
 * dev.berth.system.DockerSystem}, reached through {@code docker.system()}.
 */
package dev.berth.system;
