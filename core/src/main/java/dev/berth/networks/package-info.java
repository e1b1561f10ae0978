/**
 * User-defined networks, as {@code docker network}: create, list, inspect, connect, disconnect,
 * remove, prune. Reached through {@code docker.networks()}.
 */
package dev.berth.networks;
