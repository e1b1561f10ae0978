/** {@code docker.volumes()}: {@code /volumes/…}. A resource group over the call layer. */
package dev.berth.internal.volumes;
