package dev.berth.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.transport.Endpoint.Scheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointTest {

  @Test
  void parsesUnixSocketPath() {
    Endpoint e = Endpoint.parse("unix:///var/run/docker.sock");
    assertThat(e.scheme()).isEqualTo(Scheme.UNIX);
    assertThat(e.path()).isEqualTo("/var/run/docker.sock");
    assertThat(e.host()).isNull();
    assertThat(e.port()).isEqualTo(-1);
    assertThat(e).hasToString("unix:///var/run/docker.sock").isEqualTo(Endpoint.DEFAULT);
  }

  @Test
  void bareUnixSchemeMeansDefaultSocket() {
    assertThat(Endpoint.parse("unix://").path()).isEqualTo("/var/run/docker.sock");
  }

  @Test
  void keepsRelativeUnixPathAsGiven() {
    assertThat(Endpoint.parse("unix://run/docker.sock").path()).isEqualTo("run/docker.sock");
  }

  @Test
  void parsesTcpHostAndPort() {
    Endpoint e = Endpoint.parse("tcp://127.0.0.1:2375");
    assertThat(e.scheme()).isEqualTo(Scheme.TCP);
    assertThat(e.host()).isEqualTo("127.0.0.1");
    assertThat(e.port()).isEqualTo(2375);
    assertThat(e.path()).isEmpty();
    assertThat(e.isNetwork()).isTrue();
    assertThat(e).hasToString("tcp://127.0.0.1:2375");
  }

  @Test
  void tcpDefaultsToLocalhostAnd2375() {
    assertThat(Endpoint.parse("tcp://")).hasToString("tcp://localhost:2375");
    assertThat(Endpoint.parse("tcp://:3000")).hasToString("tcp://localhost:3000");
    assertThat(Endpoint.parse("tcp://docker.example")).hasToString("tcp://docker.example:2375");
  }

  @Test
  void keepsTcpBasePathWithoutTrailingSlash() {
    Endpoint e = Endpoint.parse("tcp://10.0.0.5:2375/docker/api/");
    assertThat(e.path()).isEqualTo("/docker/api");
    assertThat(e).hasToString("tcp://10.0.0.5:2375/docker/api");
  }

  @Test
  void parsesIpv6TcpHost() {
    Endpoint e = Endpoint.parse("tcp://[::1]:2375");
    assertThat(e.host()).isEqualTo("::1");
    assertThat(e.port()).isEqualTo(2375);
    assertThat(e).hasToString("tcp://[::1]:2375");
    assertThat(e.authority()).isEqualTo("[::1]:2375");
    assertThat(Endpoint.tcp("::1", 2375)).isEqualTo(e);
  }

  @Test
  void readsBareHostPortAsTcp() {
    assertThat(Endpoint.parse("127.0.0.1:2375")).isEqualTo(Endpoint.tcp("127.0.0.1", 2375));
  }

  @Test
  void httpsDefaultsToPort2376() {
    Endpoint e = Endpoint.parse("https://docker.example");
    assertThat(e.scheme()).isEqualTo(Scheme.HTTPS);
    assertThat(e.port()).isEqualTo(2376);
  }

  @Test
  void httpIsPlainTcp() {
    assertThat(Endpoint.parse("http://localhost:2375").scheme()).isEqualTo(Scheme.HTTP);
  }

  @Test
  void schemeIsCaseInsensitive() {
    assertThat(Endpoint.parse("TCP://localhost:1").scheme()).isEqualTo(Scheme.TCP);
  }

  @Test
  void parsesNamedPipe() {
    Endpoint e = Endpoint.parse("npipe:////./pipe/docker_engine");
    assertThat(e.scheme()).isEqualTo(Scheme.NPIPE);
    assertThat(e.path()).isEqualTo("//./pipe/docker_engine");
    assertThat(Endpoint.parse("npipe://").path()).isEqualTo("//./pipe/docker_engine");
    assertThat(e).hasToString("npipe:////./pipe/docker_engine");
    assertThat(e.authority()).isNull();
  }

  @Test
  void parsesSshWithUserPortAndSocketPath() {
    Endpoint e = Endpoint.parse("ssh://builder@build-host:2222/run/user/1000/docker.sock");
    assertThat(e.scheme()).isEqualTo(Scheme.SSH);
    assertThat(e.user()).isEqualTo("builder");
    assertThat(e.host()).isEqualTo("build-host");
    assertThat(e.port()).isEqualTo(2222);
    assertThat(e.path()).isEqualTo("/run/user/1000/docker.sock");
    assertThat(e).hasToString("ssh://builder@build-host:2222/run/user/1000/docker.sock");
    assertThat(e.authority()).isEqualTo("build-host:2222");
  }

  @Test
  void sshWithoutUserOrPort() {
    Endpoint e = Endpoint.parse("ssh://build-host");
    assertThat(e.user()).isNull();
    assertThat(e.port()).isEqualTo(-1);
    assertThat(e.path()).isNull();
    assertThat(e).hasToString("ssh://build-host");
    assertThat(e.authority()).isEqualTo("build-host");
  }

  @Test
  void parsedFormsRoundTripThroughToString() {
    for (String text : new String[] {"unix:///tmp/d.sock", "tcp://h:1/b", "https://[fe80::1]:9",
        "npipe:////./pipe/x", "ssh://u@h:22/p", "http://h:80"}) {
      Endpoint e = Endpoint.parse(text);
      assertThat(Endpoint.parse(e.toString())).isEqualTo(e);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "fd://",                          // daemon-only scheme
      "ftp://host:21",                  // not Docker at all
      "tcp://host:0",                   // port out of range
      "tcp://host:65536",
      "tcp://host:abc",                 // port not a number
      "tcp://host:",                    // port missing after colon
      "tcp://user:pw@host:2375",        // credentials in a tcp address
      "tcp://host:2375?x=1",            // query
      "tcp://host:2375#frag",           // fragment
      "tcp://ho st:2375",               // white space
      "tcp://[::1:2375",                // unclosed IPv6 bracket
      "tcp://host_name:2375",           // not a valid host name
      "/var/run/docker.sock",           // a path without unix://
      "unix://a://b",                   // scheme inside the path
      "ssh://",                         // no host
      "ssh://u:secret@host",            // password
      "ssh://@host",                    // empty user
      "ssh://host:0",
      "tcp://host:2375\n",              // control character
  })
  void rejectsMalformedAddressQuotingIt(String text) {
    assertThatThrownBy(() -> Endpoint.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + text + "\"")
        .hasMessageContaining("expected unix://");
  }

  @Test
  void rejectsEmptyAddress() {
    assertThatThrownBy(() -> Endpoint.parse(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> Endpoint.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void suggestsUnixSchemeForBarePath() {
    assertThatThrownBy(() -> Endpoint.parse("/run/docker.sock"))
        .hasMessageContaining("unix:///run/docker.sock");
  }
}
