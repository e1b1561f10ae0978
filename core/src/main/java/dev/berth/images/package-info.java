/**
 * Images and registries: list, inspect, history, tag, remove, prune, search, pull, push, save,
 * load, import and build, as the docker CLI's image commands. Reached through {@code
 * docker.images()}.
 */
package dev.berth.images;
