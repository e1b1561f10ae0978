/** {@code docker.networks()}: {@code /networks/…}. A resource group over the call layer. */
package dev.berth.internal.networks;
