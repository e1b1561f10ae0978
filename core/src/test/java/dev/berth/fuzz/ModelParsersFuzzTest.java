package dev.berth.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.model.ByteSize;
import dev.berth.model.ContainerSpec;
import dev.berth.model.DockerRun;
import dev.berth.model.EnvVar;
import dev.berth.model.ImageRef;
import dev.berth.model.Mount;
import dev.berth.model.PortBinding;
import dev.berth.transport.Endpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the text parsers of berth-model and the DOCKER_HOST parser: only {@link
 * IllegalArgumentException} (and {@link IllegalStateException} where documented) may come out,
 * rejections quote the input where the parser says they do, and what is accepted round-trips
 * through its string form. Run alone: {@code mvn -B -o -pl core -am test -Dtest='*FuzzTest'
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ModelParsersFuzzTest {
  private static final List<String> IMAGE_SEEDS = List.of("ubuntu", "ubuntu:22.04",
      "library/ubuntu:latest", "docker.io/library/ubuntu", "index.docker.io/x",
      "localhost:5000/team/app:1.0", "[::1]:5000/a/b:c", "ghcr.io/o/r@sha256:"
          + "a".repeat(64), "a.b.c/d__e.f-g/h:t_1.2-3@sha512:" + "0".repeat(128),
      "my-registry.example.com:443/deep/path/name:v1");
  private static final List<String> IMAGE_TOKENS = List.of("sha256:", "sha384:", "@sha256:",
      "a".repeat(64), "0".repeat(128), "localhost", "docker.io/", "library/", ":latest", "__",
      "-", "A", "[::1]", "example.com", ".a", "a.", "a" + "._".repeat(3));

  private static final List<String> PORT_SEEDS = List.of("80", "8080:80", "127.0.0.1:8080:80",
      "127.0.0.1::80", "[::1]:8080:80", "8000-8010:80-90", "8000-8010:80", "80-90", "53/udp",
      "[fe80::1%eth0]::53/sctp", "0.0.0.0:1-65535:1-65535/tcp");
  private static final List<String> PORT_TOKENS = List.of("/tcp", "/udp", "/sctp", "/", "[::]",
      "[::1]", "0.0.0.0", "256.1.1.1", "1.2.3", "::ffff:1.2.3.4", "65535", "00080", "-", "%eth0");

  private static final List<String> VOLUME_SEEDS = List.of("/a:/b:ro", "/a:/b:ro,z", "/data",
      "/my dir:/data", "/src:/dst:Z,ro,rshared,delegated", "my-vol_1.x:/data:nocopy,z",
      "vol:/dst", "/src:/dst:ro,Z,rslave");
  private static final List<String> VOLUME_TOKENS = List.of(":ro", ":rw", ",z", ",Z", "nocopy",
      "rshared", "rslave", "private", "delegated", "cached", "consistent", "./x", "~/x", "C:\\x");

  private static final List<String> MOUNT_SEEDS = List.of("type=bind,source=/a,target=/b",
      "type=bind,source=/a,target=/b,readonly,bind-nonrecursive", "target=/data",
      "source=v1,target=/v,volume-opt=size=10G,volume-label=x=1",
      "type=tmpfs,dst=/t,tmpfs-size=1.5g,tmpfs-mode=0700", "TYPE=BIND,Source=/a,Destination=/b",
      "source=pool/vol,target=/d,volume-driver=zfs", "target=/x,volume-nocopy=true",
      "type=volume,src=v,dst=/v,readonly=false,bind-propagation=rshared",
      "\"type=bind\",\"source=/a,b\",target=/c");
  private static final List<String> MOUNT_TOKENS = List.of("type=", "bind", "volume", "tmpfs",
      "npipe", "cluster", "image", "source=", "src=", "target=", "dst=", "destination=",
      "readonly", "ro=", "true", "false", "1", "0", "volume-opt=", "volume-label=",
      "volume-driver=", "tmpfs-size=", "tmpfs-mode=", "bind-propagation=", "consistency=",
      "bind-nonrecursive", "volume-nocopy", "\"\"", "=", ",,");

  private static final List<String> TMPFS_SEEDS = List.of("/run", "/run:rw,noexec,size=64m",
      "/cache:ro,noexec", "/run:rw,size=1m,mode=1777,uid=0,gid=0");
  private static final List<String> TMPFS_TOKENS = List.of("size=", "mode=", "uid=", "gid=",
      "noexec", "nosuid", "nodev", "exec", "ro", "rw", "1.5g", "999999p", "0777", "8");

  private static final List<String> SIZE_SEEDS = List.of("512m", "1.5g", "0", "1", "1k", "1kb",
      "1kib", "1 KiB", ".5g", "1.", "8191p", "9223372036854775807", "7.99999999999p");
  private static final List<String> SIZE_TOKENS = List.of("b", "k", "m", "g", "t", "p", "kb", "ib",
      "KiB", "e", ".", " ", "9".repeat(30), "0".repeat(30));

  private static final List<String> RUN_SEEDS = List.of(
      "docker run -d -p 20180:80 --restart always -v /data/gitlab/config:/etc/gitlab"
          + " --name gitlab gitlab/gitlab-ce:8.16.7-ce.0",
      "docker run --rm --name web2 --link db:db training/webapp env",
      "docker create --name myrunoob nginx:latest",
      "-dit --rm=false -e A=1 -e B --env-file=/nonexistent -l x=y nginx sh -c 'echo \"$A\"'",
      "docker run --mount type=bind,source=/a,target=/b --tmpfs /run:size=64m -m 512m"
          + " --memory-swap=-1 --shm-size 1g --cpus 1.5 --health-cmd 'curl -f x'"
          + " --health-interval 5s --health-retries 3 alpine",
      "docker run --network net --network-alias a --dns 1.1.1.1 --add-host h:1.2.3.4"
          + " --ulimit nofile=1024:2048 --cap-add NET_ADMIN --device /dev/fuse --pull always"
          + " --platform linux/amd64 -u 1000:1000 -w /w --entrypoint /bin/sh alpine -c id",
      "docker run -p 127.0.0.1::80/udp -P --expose 9000-9010 --label-file /nonexistent"
          + " --log-opt max-size=10m --stop-timeout 10 --stop-signal SIGTERM -- busybox ls",
      "run --restart on-failure:3 --init --read-only --privileged --sysctl net.x=1"
          + " --security-opt seccomp=unconfined --gpus all -h host --ipc host alpine");
  private static final List<String> RUN_TOKENS = List.of(" -d", " -p ", " -v ", " -e ", " -it",
      " --rm", " --name ", " --mount ", " --tmpfs ", " --env-file ", " --label-file ", " -m ",
      " --memory=", " --cpus ", " --restart ", " --health-cmd ", " --health-interval ",
      " --ulimit ", " --", " docker ", " run ", " create ", " nginx", "=", "'", "\"", "\\",
      " $HOME", " ${X:-y}", " $(ls)", " |", " &&", " ;", " #", " --rm=maybe", " -",
      " --no-such-flag", " --network=container:x", " --pull=", " -q", "\\\n");

  private static final List<String> HOST_SEEDS = List.of("unix:///var/run/docker.sock",
      "unix://", "tcp://127.0.0.1:2375", "tcp://127.0.0.1:2375/base", "tcp://[::1]:2375",
      "https://docker.example.com:2376", "http://h", "npipe:////./pipe/docker_engine",
      "ssh://me@build-host:2222", "ssh://host/run/docker.sock", "localhost:2375", "tcp://:2375",
      "tcp://");
  private static final List<String> HOST_TOKENS = List.of("://", "unix", "tcp", "ssh", "npipe",
      "https", "http", "@", "[::1]", "[", "]", ":0", ":65536", ":-1", "?", "#", "%", "%zz",
      "user:pass@", "localhost", "/base/", "x".repeat(300));

  private static final List<String> ENV_SEEDS = List.of("A=1", "A", "PATH=/usr/bin:/bin",
      "X= spaced =", "Q=\"quoted\"", "=nope", "E=");

  @Test
  void imageRef() {
    Fuzz.strings("ImageRef.parse", (r, i) -> Mutate.string(r, IMAGE_SEEDS, IMAGE_TOKENS), s -> {
      ImageRef ref = parseQuoting(s, ImageRef::parse);
      assertThat(ImageRef.parse(ref.toString())).isEqualTo(ref);
      assertThat(ImageRef.parse(ref.normalized()).name()).isEqualTo(ref.name());
    }).allowing(IllegalArgumentException.class).run();
  }

  @Test
  void portBinding() {
    Fuzz.strings("PortBinding.parse", (r, i) -> Mutate.string(r, PORT_SEEDS, PORT_TOKENS), s -> {
      PortBinding p = parseQuoting(s, PortBinding::parse);
      assertThat(PortBinding.parse(p.toString())).isEqualTo(p);
    }).allowing(IllegalArgumentException.class).run();
  }

  @Test
  void volumeFlag() {
    Fuzz.strings("Mount.parseVolumeFlag", (r, i) -> Mutate.string(r, VOLUME_SEEDS, VOLUME_TOKENS),
        s -> roundTrips(parseQuoting(s, Mount::parseVolumeFlag)))
        .allowing(IllegalArgumentException.class).run();
  }

  @Test
  void mountFlag() {
    Fuzz.strings("Mount.parseMountFlag", (r, i) -> Mutate.string(r, MOUNT_SEEDS, MOUNT_TOKENS),
        s -> roundTrips(parseQuoting(s, Mount::parseMountFlag)))
        .allowing(IllegalArgumentException.class).run();
  }

  @Test
  void tmpfsFlag() {
    Fuzz.strings("Mount.parseTmpfsFlag", (r, i) -> Mutate.string(r, TMPFS_SEEDS, TMPFS_TOKENS),
        s -> roundTrips(parseQuoting(s, Mount::parseTmpfsFlag)))
        .allowing(IllegalArgumentException.class).run();
  }

  @Test
  void byteSize() {
    Fuzz.strings("ByteSize.parse", (r, i) -> Mutate.string(r, SIZE_SEEDS, SIZE_TOKENS), s -> {
      long bytes = parseQuoting(s, ByteSize::parse);
      assertThat(ByteSize.parse(ByteSize.format(bytes))).isEqualTo(bytes);
    }).allowing(IllegalArgumentException.class).run();
  }

  @Test
  void envFile(@TempDir Path dir) {
    Path file = dir.resolve("env");
    Fuzz.strings("EnvVar.parse/parseEnvFile", (r, i) -> {
      StringBuilder b = new StringBuilder();
      int lines = 1 + r.nextInt(6);
      for (int n = 0; n < lines; n++) {
        b.append(Mutate.string(r, ENV_SEEDS, List.of("#", " ", "\r", "=", "\ufeff")))
            .append(r.nextBoolean() ? "\n" : "\r\n");
      }
      return b.toString();
    }, s -> {
      for (String line : s.split("\n")) {
        try {
          EnvVar v = EnvVar.parse(line);
          assertThat(EnvVar.parse(v.toString())).isEqualTo(v);
        } catch (IllegalArgumentException e) {
          assertThat(e.getMessage()).contains("\"" + line + "\"");
        }
      }
      Files.write(file, s.getBytes(StandardCharsets.UTF_8));
      EnvVar.parseEnvFile(file, Map.of("A", "from-env"));
    }).allowing(IllegalArgumentException.class).run();
  }

  @Test
  void dockerRun() {
    Fuzz.strings("DockerRun.parse", (r, i) -> Mutate.string(r, RUN_SEEDS, RUN_TOKENS), s -> {
      DockerRun run = DockerRun.parse(s, Map.of("HOME", "/root", "X", "x"));
      String line;
      try {
        line = run.spec().toCommandLine();
      } catch (IllegalStateException documented) {
        return; // the spec holds what no command line can say
      }
      ContainerSpec again = DockerRun.parse(line).spec();
      assertThat(again).as("re-reading %s", line).isEqualTo(run.spec());
    }).allowing(IllegalArgumentException.class).run();
  }

  @Test
  void dockerHost() {
    Fuzz.strings("Endpoint.parse (DOCKER_HOST)", (r, i) -> Mutate.string(r, HOST_SEEDS,
        HOST_TOKENS), s -> {
          Endpoint e = parseQuoting(s, Endpoint::parse);
          assertThat(Endpoint.parse(e.toString())).isEqualTo(e);
        }).allowing(IllegalArgumentException.class).run();
  }

  private static void roundTrips(Mount m) {
    String value = m.toString();
    Mount again = switch (m.syntax()) {
      case VOLUME_FLAG -> Mount.parseVolumeFlag(value);
      case MOUNT_FLAG -> Mount.parseMountFlag(value);
      case TMPFS_FLAG -> Mount.parseTmpfsFlag(value);
    };
    assertThat(again).as("re-reading %s", value).isEqualTo(m);
  }

  /** Parses {@code s}; a rejection must quote it whole (the parsers say their messages do). */
  private static <T> T parseQuoting(String s, java.util.function.Function<String, T> parser) {
    try {
      return parser.apply(s);
    } catch (IllegalArgumentException e) {
      if (s != null && !s.isBlank() && !e.getMessage().contains(s)) {
        throw new AssertionError("the message does not quote the input: " + e.getMessage(), e);
      }
      throw e;
    }
  }
}
