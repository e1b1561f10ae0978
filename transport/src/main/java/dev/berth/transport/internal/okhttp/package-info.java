/**
 * The transport over OkHttp, for TLS, ssh and named pipes (and plain HTTP when {@code
 * dev.berth.http=okhttp}): {@link dev.berth.transport.internal.okhttp.OkHttpTransport}, its
 * responses and upgraded sockets, and a connection pool that cleans up without a thread per
 * release.
 */
package dev.berth.transport.internal.okhttp;
