/**
 * How Berth reaches a Docker engine: {@link dev.berth.transport.Endpoint} parses the addresses
 * Docker users write ({@code unix:///var/run/docker.sock}, {@code tcp://host:2375}, …) and a
 * {@link dev.berth.transport.Transport} carries HTTP/1.1 requests, streamed responses and
 * upgraded (hijacked) connections to it.
 *
 * <p>No OkHttp, okio or junixsocket type appears in this package's signatures. Parameters and
 * return values are non-null unless documented otherwise.
 */
package dev.berth.transport;
