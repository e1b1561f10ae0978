/**
 * The entry point, {@link dev.berth.DockerClient}, and the exceptions every call may throw.
 *
 * <p>All exceptions are unchecked and extend {@link dev.berth.DockerException}: an error answer
 * from the engine is a {@link dev.berth.DockerApiException} (with a subclass per status such as
 * {@link dev.berth.NotFoundException}); an engine that cannot be reached is a {@link
 * dev.berth.DockerConnectionException}. Parameters and return values are non-null unless
 * documented otherwise.
 */
package dev.berth;
