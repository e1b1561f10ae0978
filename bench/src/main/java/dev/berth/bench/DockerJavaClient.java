package dev.berth.bench;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;

/** docker-java 3.5 with its zerodep transport, set up as its README says. */
final class DockerJavaClient implements Client {
  static final String NAME = "docker-java";
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final DockerHttpClient http;
  private final com.github.dockerjava.api.DockerClient docker;
  private volatile long streamAllocation;

  DockerJavaClient(String socket) {
    DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
        .withDockerHost("unix://" + socket)
        .build();
    http = new ZerodepDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost())
        .sslConfig(config.getSSLConfig())
        .maxConnections(100)
        .connectionTimeout(Duration.ofSeconds(30))
        .responseTimeout(Duration.ofSeconds(45))
        .build();
    docker = DockerClientImpl.getInstance(config, http);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void ping() {
    docker.pingCmd().exec();
  }

  @Override
  public Object inspect(String id) {
    return docker.inspectContainerCmd(id).exec();
  }

  @Override
  public void lifecycle(String image) throws InterruptedException {
    String id = docker.createContainerCmd(image).withCmd("true")
        .withLabels(Map.of(TEST_LABEL, "true", BENCH_LABEL, "true")).exec().getId();
    try {
      docker.startContainerCmd(id).exec();
      docker.waitContainerCmd(id).start().awaitStatusCode();
    } finally {
      docker.removeContainerCmd(id).withForce(true).exec();
    }
  }

  @Override
  public long logs(String id, OutputStream stdout, OutputStream stderr) throws Exception {
    long[] copied = new long[1];
    long[] allocAtStart = new long[1];
    streamAllocation = 0;
    ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
      @Override
      public void onStart(Closeable stream) {
        allocAtStart[0] = THREADS.getCurrentThreadAllocatedBytes();
        super.onStart(stream);
      }

      @Override
      public void onNext(Frame frame) {
        byte[] payload = frame.getPayload();
        try {
          (frame.getStreamType() == StreamType.STDERR ? stderr : stdout).write(payload);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        copied[0] += payload.length;
      }

      @Override
      public void onComplete() {
        // docker-java reads the stream on a thread of its own, started per call
        streamAllocation = THREADS.getCurrentThreadAllocatedBytes() - allocAtStart[0];
        super.onComplete();
      }
    };
    docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(false)
        .exec(callback).awaitCompletion();
    return copied[0];
  }

  @Override
  public long lastStreamThreadAllocation() {
    return streamAllocation;
  }

  @Override
  public long export(String id, OutputStream sink) throws IOException {
    // docker-java has no export command; its transport carries the call
    DockerHttpClient.Request request = DockerHttpClient.Request.builder()
        .method(DockerHttpClient.Request.Method.GET)
        .path("/containers/" + id + "/export")
        .build();
    try (DockerHttpClient.Response r = http.execute(request); InputStream in = r.getBody()) {
      if (r.getStatusCode() != 200) {
        throw new IOException("export answered " + r.getStatusCode());
      }
      return Client.copy(in, sink);
    }
  }

  @Override
  public long save(String image, OutputStream sink) throws IOException {
    int colon = image.lastIndexOf(':');
    try (InputStream in = docker.saveImageCmd(image.substring(0, colon))
        .withTag(image.substring(colon + 1)).exec()) {
      return Client.copy(in, sink);
    }
  }

  @Override
  public void close() {
    try {
      docker.close();
    } catch (IOException ignored) {
      // closing for the bench's sake only
    }
  }

  /** The start-up measure: a client, one ping. */
  static void startup(String socket) throws IOException {
    try (DockerJavaClient c = new DockerJavaClient(socket)) {
      c.ping();
    }
  }
}
