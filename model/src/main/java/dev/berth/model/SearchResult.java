package dev.berth.model;

/**
 * One row of {@code docker search} ({@code GET /images/search}).
 *
 * @param name the repository name, such as {@code centos}
 * @param description its description
 * @param stars its star count
 * @param official whether it is an official image
 * @param automated whether it is an automated build
 */
public record SearchResult(
    String name, String description, int stars, boolean official, boolean automated) {}
