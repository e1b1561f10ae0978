/**
 * Containers: create, find, list, inspect and remove them, as {@code docker create}, {@code docker
 * ps}, {@code docker inspect} and {@code docker rm} do. Reached through {@code docker.containers()}.
 */
package dev.berth.containers;
