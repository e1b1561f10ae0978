package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The seed's RocketMQ pair ({@code docker run … --name rmqnamesrv … sh mqnamesrv}, then a broker
 * with {@code NAMESRV_ADDR=namesrv:9876}) as fixtures on a network of their own, the broker
 * finding the name server by its alias. RocketMQ's image cannot be pulled here: busybox stands
 * in, a name server answering on 9876 and a broker that registers with {@code $NAMESRV_ADDR},
 * each printing RocketMQ's "boot success" line when it is up.
 */
@DockerTest
class RocketMqPairIT {
  static final String IMAGE = "berth-test/busybox:latest";
  static final String MQNAMESRV = "mkdir -p /www && echo namesrv-ok > /www/index.html"
      + " && echo \"The Name Server boot success. serializeType=JSON\""
      + " && exec httpd -f -p 9876 -h /www";
  static final String MQBROKER = "until wget -q -O /tmp/ns http://$NAMESRV_ADDR/; do sleep 0.2;"
      + " done; echo \"The broker boot success. registered with $NAMESRV_ADDR: $(cat /tmp/ns)\";"
      + " exec sleep 300";

  @Fixture static NetworkFixture rocketmq = NetworkFixture.create();

  @Fixture static ContainerFixture namesrv = ContainerFixture
      .run("docker run -d -p 9876 " + IMAGE + " sh -c '" + MQNAMESRV + "'")
      .withNetwork(rocketmq, "namesrv")
      .waitingFor(Wait.forLogLine("The Name Server boot success"), Wait.forPort(9876));

  @Fixture static ContainerFixture broker = ContainerFixture
      .run("docker run -d -e NAMESRV_ADDR=namesrv:9876 " + IMAGE + " sh -c '" + MQBROKER + "'")
      .withNetwork(rocketmq)
      .waitingFor(Wait.forLogLine("The broker boot success"));

  @Test
  void theBrokerFindsTheNameServerByItsAlias() {
    assertThat(broker.logs()).contains("The broker boot success. registered with namesrv:9876:"
        + " namesrv-ok");
    assertThat(broker.exec("wget", "-q", "-O-", "http://namesrv:9876/").stdout())
        .isEqualTo("namesrv-ok\n");
  }

  @Test
  void theNameServerIsPublishedOnTheTestsHost() throws Exception {
    HttpGet answer = HttpGet.get(namesrv.host(), namesrv.hostPort(9876), "/");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("namesrv-ok\n");
  }

  @Test
  void bothAreOnTheFixturesNetwork() {
    assertThat(namesrv.container().inspect().raw().get("NetworkSettings").toString())
        .contains(rocketmq.name());
    assertThat(broker.container().inspect().raw().get("NetworkSettings").toString())
        .contains(rocketmq.name());
  }
}
