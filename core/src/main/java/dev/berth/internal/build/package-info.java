/**
 * Build contexts as {@code docker build} sends them: {@link dev.berth.internal.build.DockerIgnore}
 * reads a {@code .dockerignore} file with the rules of Docker's pattern matcher, and {@link
 * dev.berth.internal.build.BuildContext} streams a context directory as a tar, leaving out what the
 * file excludes.
 */
package dev.berth.internal.build;
