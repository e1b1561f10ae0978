/**
 * {@code docker.images()}: {@code /images/…}, {@code /build} ({@link
 * dev.berth.internal.images.BuildCall}), pull and push with registry credentials. A resource group:
 * it uses the call layer, the stream readers, {@code auth} and {@code build}, never another group.
 */
package dev.berth.internal.images;
