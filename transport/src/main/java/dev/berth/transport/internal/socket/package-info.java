/**
 * Sockets to an engine that is not a TCP address: the JDK's Unix-domain channels as {@code
 * java.net.Socket}s, Windows named pipes, and {@code ssh … docker system dial-stdio}, all on one
 * {@code StreamSocket} base; shared by both HTTP layers.
 */
package dev.berth.transport.internal.socket;
