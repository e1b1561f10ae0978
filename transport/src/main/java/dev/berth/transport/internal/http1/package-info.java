/**
 * Berth's own HTTP/1.1 client for plain HTTP to a Unix socket or over TCP: {@link
 * dev.berth.transport.internal.http1.Http1Transport} keeps a pool of {@link
 * dev.berth.transport.internal.http1.Http1Connection}s, each one socket with one read buffer,
 * chunked bodies, upgrades and abort.
 */
package dev.berth.transport.internal.http1;
