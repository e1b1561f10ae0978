package dev.berth.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.internal.build.DockerIgnore;
import dev.berth.model.ByteSize;
import dev.berth.model.DockerRun;
import dev.berth.model.EnvVar;
import dev.berth.model.ImageRef;
import dev.berth.model.Mount;
import dev.berth.model.PortBinding;
import dev.berth.transport.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of bad inputs across Berth's parsers: each is an IllegalArgumentException whose message
 * quotes the offending part. And accepted inputs round-trip through their string form.
 */
class HostileCorpusTest {
  private static final List<Arguments> BAD = new ArrayList<>();

  private static void bad(String parser, Function<String, ?> parse, String input, String quoted) {
    BAD.add(Arguments.of(parser, parse, input, quoted));
  }

  /** Bad inputs whose message quotes the whole input. */
  private static void bad(String parser, Function<String, ?> parse, String... inputs) {
    for (String input : inputs) {
      bad(parser, parse, input, input);
    }
  }

  static {
    String hex64 = "a".repeat(64);
    bad("ImageRef", ImageRef::parse, " ubuntu", "ubuntu ", "ub untu", "Ubuntu", "ubuntu:",
        "ubuntu@", ":tag", "@sha256:" + hex64, "a//b", "a/", "/a", "a:-tag", "a:.tag", "a:t!g",
        "a:" + "t".repeat(129), "a@sha256:" + "a".repeat(63), "a@sha256:" + "A".repeat(64),
        "a@md5:abc", "a@:" + hex64, "-a", "a-", "a..b", "a___b", "a.-b", "localhost:x/a",
        "[::1/a", "ex ample.com/a", "example.com:/a", "-example.com/a", "example-.com/a",
        "a/B", "a\tb", "a\u00e9", "a:\u00e9", "a/" + "b".repeat(260), "a/.b", "a/b.", "a@", "a:b:c",
        "\u0000", "a\nb");
    bad("PortBinding", PortBinding::parse, "0", "65536", "-1", "80-", "-80", "90-80",
        "8080:90-80", "a", "80:a", "80/xyz", "80/", "1.2.3.4:80", "1.2.3:80:80",
        "256.1.1.1:80:80", "host:80:80", "::1:80:80", "[::1]:80", "[::1:80:80", "[zz]:80:80",
        "1:2:3:4", "80 ", " 80", "8000-8010:80-85", "80:", ":80:", "99999", "00000", "1e3",
        "80//tcp", "80/TCP/udp", "127.0.0.1:0:80", "[::1]::0");
    bad("Mount -v", Mount::parseVolumeFlag, "", "a", "rel/path:/x", "./a:/x", "~/a:/x",
        "/a:rel", "/a:/", "/a:/b:c:d", "/a:/b:badopt", "/a:/b:ro,rw", "v:/b:ro,ro", "-v:/x",
        "a:/b:", ":/b", "/a::ro", "v$:/x");
    bad("Mount --mount", Mount::parseMountFlag, "", "type=nfs,target=/x", "target", "target=",
        "target=rel", "source=/a", "type=bind,target=/b", "type=bind,source=rel,target=/b",
        "readonly=maybe,target=/x", "ro=2,target=/x", "nokey=1,target=/x", "=x,target=/x",
        "target=/x,,", ",target=/x", "\"target=/x", "target=/x,\"ro\"x",
        "type=tmpfs,source=/a,target=/x", "type=volume,tmpfs-size=1m,target=/x",
        "type=bind,source=/a,target=/b,volume-driver=x", "bind-propagation=odd,type=bind,"
            + "source=/a,target=/b", "consistency=odd,target=/x", "type=tmpfs,target=/x,"
            + "tmpfs-size=big", "type=tmpfs,target=/x,tmpfs-mode=999",
        "type=volume,source=a/b/../c,target=/x", "TYPE=\u0130,target=/x");
    bad("Mount --tmpfs", Mount::parseTmpfsFlag, "", "rel", "/", "/run:", "/run:,");
    bad("ByteSize", ByteSize::parse, "", " ", "-1", "1x", "1kk", "k", "1.2.3", "1e3", "0x10",
        "1 k b", "1,5g", "NaN", "\u0661", "9223372036854775808", "8192p", "1..", " 1",
        "1kibb", "++1", "\u0000");
    bad("EnvVar", EnvVar::parse, "", "=x", "A B=1", " A=1", "A\t=1", "=", "A\n=1");
    bad("Endpoint", Endpoint::parse, "foo://x", "/var/run/docker.sock",
        "./docker.sock", "tcp://host:0", "tcp://host:65536", "tcp://host:x",
        "tcp://user@host:1", "tcp://host:1?q=1", "tcp://host:1#f", "tcp://host:", "ssh://",
        "ssh:///path", "ssh://:22", "ssh://@host", "ssh://me:pw@host", "ssh://host:0",
        "unix:///a://b", "tcp://ho st", "tcp://h\u0000", "tcp://[::1", "tcp://%zz",
        "tcp://a b:1", "http://[:::]:1", "npipe://a://b", "\u0130\u0130://x", "tcp://host:-1");
    bad(".dockerignore", DockerIgnore::parse, "[", "a[", "[a", "[a-", "[]", "[c-a]", "a\\",
        "\\d", "\\m", "!", "! ", "!/", "[\\", "[a-\\", "\\\u00e9");
    bad(".dockerignore", DockerIgnore::parse, "x\n[y", "[y");
    Function<String, ?> run = DockerRun::parse;
    bad("DockerRun", run, "docker run", "");
    bad("DockerRun", run, "docker run --no-such-flag nginx", "--no-such-flag");
    bad("DockerRun", run, "docker run -p 99999 nginx", "99999");
    bad("DockerRun", run, "docker run -p", "-p");
    bad("DockerRun", run, "docker run -v ./rel:/x nginx", "./rel");
    bad("DockerRun", run, "docker run --mount type=x,target=/y nginx", "type=x,target=/y");
    bad("DockerRun", run, "docker run --tmpfs rel nginx", "rel");
    bad("DockerRun", run, "docker run -m 1x nginx", "1x");
    bad("DockerRun", run, "docker run --rm=maybe nginx", "maybe");
    bad("DockerRun", run, "docker run -d=x nginx", "x");
    bad("DockerRun", run, "docker run Nginx", "Nginx");
    bad("DockerRun", run, "docker run 'nginx", "'nginx");
    bad("DockerRun", run, "docker run \"nginx", "\"nginx");
    bad("DockerRun", run, "docker run -e =x nginx", "=x");
    bad("DockerRun", run, "docker run --restart sometimes nginx", "sometimes");
    bad("DockerRun", run, "docker run --restart on-failure:x nginx", "on-failure:x");
    bad("DockerRun", run, "docker run -a \u0130 nginx", "\u0130");
    bad("DockerRun", run, "docker run --cpus x nginx", "x");
    bad("DockerRun", run, "docker run --env-file /no/such/file nginx", "/no/such/file");
    bad("DockerRun", run, "docker run --label-file /no/such/file nginx", "/no/such/file");
    bad("DockerRun", run, "docker run --health-interval 5 nginx", "5");
    bad("DockerRun", run, "docker run --health-retries x nginx", "x");
    bad("DockerRun", run, "docker run --pull sometimes nginx", "sometimes");
    bad("DockerRun", run, "docker run --stop-timeout x nginx", "x");
    bad("DockerRun", run, "docker run -p 80:80/xyz nginx", "80:80/xyz");
    bad("DockerRun", run, "docker run --ulimit nofile nginx", "nofile");
    bad("DockerRun", run, "docker run $(ls) nginx", "$(");
    bad("DockerRun", run, "docker run --name a nginx:-x", "nginx:-x");
    bad("DockerRun", run, "docker push nginx", "push");
  }

  static Stream<Arguments> badInputs() {
    return BAD.stream();
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("badInputs")
  void badInputsAreRejectedQuotingTheOffendingPart(String parser, Function<String, ?> parse,
      String input, String quoted) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> parse.apply(input));
    assertThat(thrown)
        .as("%s %s", parser, Fuzz.escape(input))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(quoted);
  }

  @org.junit.jupiter.api.Test
  void theCorpusHoldsAtLeast200BadInputs() {
    assertThat(BAD).hasSizeGreaterThanOrEqualTo(200);
  }

  static Stream<String> runLines() {
    return Stream.of("docker run nginx", "docker run -d --name web -p 8080:80 nginx:1.25",
        "docker run --rm -it -e A=1 -e B= -l x=y -v /a:/b:ro -v vol:/data alpine sh -c 'echo hi'",
        "docker create --mount type=bind,source=/a,target=/b,readonly --tmpfs /run:size=64m"
            + " -m 512m --cpus 1.5 --restart on-failure:3 busybox",
        "docker run -p 127.0.0.1::53/udp -p [::1]:8000-8010:80-90 --network net --dns 1.1.1.1"
            + " --add-host h:1.2.3.4 --cap-add NET_ADMIN -u 1000:1000 -w /w alpine id",
        "docker run --health-cmd 'curl -f http://x/' --health-interval 5s --health-retries 3"
            + " --entrypoint /bin/sh --init --read-only --privileged alpine -c 'a \"b\" $c'");
  }

  @ParameterizedTest
  @MethodSource("runLines")
  void dockerRunLinesRoundTripThroughToCommandLine(String line) {
    DockerRun run = DockerRun.parse(line);
    String again = run.spec().toCommandLine();
    assertThat(DockerRun.parse(again).spec()).as(again).isEqualTo(run.spec());
  }

  @ParameterizedTest
  @MethodSource("goodInputs")
  void acceptedInputsRoundTripThroughTheirStringForm(String parser, String input) {
    switch (parser) {
      case "ImageRef" -> {
        ImageRef r = ImageRef.parse(input);
        assertThat(ImageRef.parse(r.toString())).isEqualTo(r);
      }
      case "PortBinding" -> {
        PortBinding p = PortBinding.parse(input);
        assertThat(PortBinding.parse(p.toString())).isEqualTo(p);
      }
      case "Mount -v" -> assertThat(Mount.parseVolumeFlag(Mount.parseVolumeFlag(input).toString()))
          .isEqualTo(Mount.parseVolumeFlag(input));
      case "Mount --mount" -> assertThat(
          Mount.parseMountFlag(Mount.parseMountFlag(input).toString()))
          .isEqualTo(Mount.parseMountFlag(input));
      case "Mount --tmpfs" -> assertThat(
          Mount.parseTmpfsFlag(Mount.parseTmpfsFlag(input).toString()))
          .isEqualTo(Mount.parseTmpfsFlag(input));
      case "ByteSize" -> assertThat(ByteSize.parse(ByteSize.format(ByteSize.parse(input))))
          .isEqualTo(ByteSize.parse(input));
      case "Endpoint" -> assertThat(Endpoint.parse(Endpoint.parse(input).toString()))
          .isEqualTo(Endpoint.parse(input));
      default -> throw new AssertionError(parser);
    }
  }

  static Stream<Arguments> goodInputs() {
    return Stream.of(
        Arguments.of("ImageRef", "ubuntu"), Arguments.of("ImageRef", "index.docker.io/x:1"),
        Arguments.of("ImageRef", "localhost:5000/a/b:c@sha256:" + "b".repeat(64)),
        Arguments.of("ImageRef", "docker.io/example.com/x"),
        Arguments.of("ImageRef", "[::1]:5000/a"),
        Arguments.of("PortBinding", "80"), Arguments.of("PortBinding", "127.0.0.1::80/udp"),
        Arguments.of("PortBinding", "[::1]:8000-8010:80-90/sctp"),
        Arguments.of("PortBinding", "8000-8010:80"),
        Arguments.of("Mount -v", "/a:/b:ro,z"), Arguments.of("Mount -v", "/anon"),
        Arguments.of("Mount -v", "/my dir:/data"), Arguments.of("Mount -v", "v1:/d:nocopy"),
        Arguments.of("Mount --mount", "type=bind,source=/a,target=/b,readonly"),
        Arguments.of("Mount --mount", "\"type=bind\",\"source=/a,b\",target=/c"),
        Arguments.of("Mount --mount", "source=v1,target=/v,volume-opt=size=10G,volume-label=a=b"),
        Arguments.of("Mount --mount", "type=tmpfs,dst=/t,tmpfs-size=1.5g,tmpfs-mode=0700"),
        Arguments.of("Mount --tmpfs", "/run:rw,noexec,size=64m"), Arguments.of("Mount --tmpfs",
            "/run"),
        Arguments.of("ByteSize", "1.5g"), Arguments.of("ByteSize", "7"),
        Arguments.of("ByteSize", "8191p"), Arguments.of("ByteSize", "1 KiB"),
        Arguments.of("Endpoint", "unix://"), Arguments.of("Endpoint", "localhost:2375"),
        Arguments.of("Endpoint", "tcp://[::1]:2375/base/"),
        Arguments.of("Endpoint", "ssh://me@host:2222/run/docker.sock"),
        Arguments.of("Endpoint", "npipe:////./pipe/docker_engine"));
  }
}
