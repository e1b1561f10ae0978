/**
 * What sits behind {@link dev.berth.transport.Transport}: {@link
 * dev.berth.transport.internal.Transports} chooses the implementation for an endpoint. Below it,
 * {@code http1} (Berth's own HTTP/1.1 for plain HTTP), {@code okhttp} (TLS, ssh, named pipes),
 * {@code socket} (how bytes reach the engine: Unix sockets, pipes, ssh) and {@code tls} (PEM files,
 * keys and trust, with the JDK only).
 */
package dev.berth.transport.internal;
