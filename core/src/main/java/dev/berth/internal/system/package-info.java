/**
 * {@code docker.system()}: ping, version, info, {@code system df}, login and logout, and events
 * that resume after a dropped connection ({@link dev.berth.internal.system.ResumingEvents}). A
 * resource group over the call layer and {@code auth}.
 */
package dev.berth.internal.system;
