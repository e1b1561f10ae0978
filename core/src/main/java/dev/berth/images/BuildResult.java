package dev.berth.images;

/**
 * What a build made.
 *
 * @param imageId the image's id, {@code sha256:…}
 * @param output everything the build printed, step by step
 */
public record BuildResult(String imageId, String output) {}
