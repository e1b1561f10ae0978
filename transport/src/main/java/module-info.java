/**
 * Endpoints and HTTP transports to a Docker engine: one {@link dev.berth.transport.Transport}
 * interface in Berth's own types, with OkHttp and junixsocket behind it.
 */
module dev.berth.transport {
  requires okhttp3;
  requires okio;
  requires kotlin.stdlib;
  requires org.newsclub.net.unix;
  requires org.slf4j;

  exports dev.berth.transport;
}
