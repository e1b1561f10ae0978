package dev.berth.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** What the bench asks of each client: the same work, said in each client's own API. */
interface Client extends AutoCloseable {
  /** The label of "this repo's Berth", docker-java, or the raw floor. */
  String name();

  /** {@code GET /_ping}. */
  void ping() throws Exception;

  /** Inspects {@code id}, read into the client's typed result. */
  Object inspect(String id) throws Exception;

  /** Creates, starts, waits for and removes a container of {@code image} running {@code true}. */
  void lifecycle(String image) throws Exception;

  /** The whole log of {@code id} (not followed), stdout and stderr apart; returns the bytes. */
  long logs(String id, OutputStream stdout, OutputStream stderr) throws Exception;

  /** {@code docker export id} into {@code sink}; returns the bytes. */
  long export(String id, OutputStream sink) throws Exception;

  /** {@code docker save image} into {@code sink}; returns the bytes. */
  long save(String image, OutputStream sink) throws Exception;

  /** Bytes allocated by threads of the client's own (not the caller's) during the last logs. */
  default long lastStreamThreadAllocation() {
    return 0;
  }

  @Override
  void close();

  /** The labels every container the bench makes carries. */
  String TEST_LABEL = "dev.berth.test";
  String BENCH_LABEL = "dev.berth.bench";

  /** Copies {@code in} to {@code out} with one 64 KiB buffer; the same loop for every client. */
  static long copy(InputStream in, OutputStream out) throws IOException {
    byte[] b = new byte[64 * 1024];
    long total = 0;
    for (int n; (n = in.read(b)) >= 0; ) {
      out.write(b, 0, n);
      total += n;
    }
    return total;
  }

  /** A client by name, talking to the Unix socket at {@code socket}. */
  static Client create(String name, String socket) {
    switch (name) {
      case BerthClient.NAME:
        return new BerthClient(socket);
      case DockerJavaClient.NAME:
        return new DockerJavaClient(socket);
      case RawClient.NAME:
        return new RawClient(socket);
      default:
        throw new IllegalArgumentException("no client " + name);
    }
  }
}
