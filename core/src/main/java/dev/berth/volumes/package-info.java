/**
 * Named volumes, as {@code docker volume}: create, list, inspect, remove, prune. Reached through
 * {@code docker.volumes()}.
 */
package dev.berth.volumes;
