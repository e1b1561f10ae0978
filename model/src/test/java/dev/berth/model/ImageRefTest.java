package dev.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageRefTest {
  private static final String SHA = "sha256:" + "a".repeat(64);

  @Test
  void parsesOfficialImageIntoDockerHubLibrary() {
    ImageRef ref = ImageRef.parse("ubuntu");

    assertThat(ref.registry()).isEqualTo("docker.io");
    assertThat(ref.repository()).isEqualTo("library/ubuntu");
    assertThat(ref.name()).isEqualTo("docker.io/library/ubuntu");
    assertThat(ref.tag()).isNull();
    assertThat(ref.digest()).isNull();
    assertThat(ref.tagOrLatest()).isEqualTo("latest");
    assertThat(ref.normalized()).isEqualTo("docker.io/library/ubuntu:latest");
    assertThat(ref.familiar()).isEqualTo("ubuntu");
    assertThat(ref.familiarName()).isEqualTo("ubuntu");
  }

  @Test
  void keepsTagAsGiven() {
    ImageRef ref = ImageRef.parse("ubuntu:14.04");

    assertThat(ref.tag()).isEqualTo("14.04");
    assertThat(ref.tagOrLatest()).isEqualTo("14.04");
    assertThat(ref.normalized()).isEqualTo("docker.io/library/ubuntu:14.04");
    assertThat(ref.familiar()).isEqualTo("ubuntu:14.04");
  }

  @Test
  void parsesUserRepositoryOnDockerHub() {
    ImageRef ref = ImageRef.parse("ouruser/sinatra:v2");

    assertThat(ref.registry()).isEqualTo("docker.io");
    assertThat(ref.repository()).isEqualTo("ouruser/sinatra");
    assertThat(ref.familiar()).isEqualTo("ouruser/sinatra:v2");
    assertThat(ref.familiarName()).isEqualTo("ouruser/sinatra");
    assertThat(ref.normalized()).isEqualTo("docker.io/ouruser/sinatra:v2");
  }

  @Test
  void parsesLocalhostRegistryWithPort() {
    ImageRef ref = ImageRef.parse("localhost:5000/x:1");

    assertThat(ref.registry()).isEqualTo("localhost:5000");
    assertThat(ref.repository()).isEqualTo("x");
    assertThat(ref.name()).isEqualTo("localhost:5000/x");
    assertThat(ref.familiar()).isEqualTo("localhost:5000/x:1");
    assertThat(ref.normalized()).isEqualTo("localhost:5000/x:1");
  }

  @Test
  void treatsBareLocalhostAsRegistry() {
    ImageRef ref = ImageRef.parse("localhost/team/app");

    assertThat(ref.registry()).isEqualTo("localhost");
    assertThat(ref.repository()).isEqualTo("team/app");
  }

  @Test
  void parsesIpv6RegistryInBrackets() {
    ImageRef ref = ImageRef.parse("[::1]:5000/app:2");

    assertThat(ref.registry()).isEqualTo("[::1]:5000");
    assertThat(ref.repository()).isEqualTo("app");
    assertThat(ref.tag()).isEqualTo("2");
    assertThat(ref.familiar()).isEqualTo("[::1]:5000/app:2");
  }

  @Test
  void treatsDottedFirstComponentAsRegistry() {
    ImageRef ref = ImageRef.parse("ghcr.io/org/tools/app:1.0");

    assertThat(ref.registry()).isEqualTo("ghcr.io");
    assertThat(ref.repository()).isEqualTo("org/tools/app");
    assertThat(ref.familiarName()).isEqualTo("ghcr.io/org/tools/app");
  }

  @Test
  void acceptsUpperCaseInRegistryHost() {
    ImageRef ref = ImageRef.parse("Registry.Example.com:443/app");

    assertThat(ref.registry()).isEqualTo("Registry.Example.com:443");
    assertThat(ref.repository()).isEqualTo("app");
  }

  @Test
  void normalizesLegacyIndexHostToDockerIo() {
    assertThat(ImageRef.parse("index.docker.io/ubuntu").name())
        .isEqualTo("docker.io/library/ubuntu");
    assertThat(ImageRef.parse("index.docker.io/user/app").name()).isEqualTo("docker.io/user/app");
  }

  @Test
  void addsLibraryToOneComponentDockerIoName() {
    ImageRef ref = ImageRef.parse("docker.io/ubuntu");

    assertThat(ref.repository()).isEqualTo("library/ubuntu");
    assertThat(ref).isEqualTo(ImageRef.parse("ubuntu"));
    assertThat(ref).hasSameHashCodeAs(ImageRef.parse("docker.io/library/ubuntu"));
  }

  @Test
  void keepsLibraryPrefixWhenPathIsDeeper() {
    ImageRef ref = ImageRef.parse("docker.io/library/a/b");

    assertThat(ref.familiar()).isEqualTo("library/a/b");
    assertThat(ImageRef.parse(ref.familiar())).isEqualTo(ref);
  }

  @Test
  void keepsDockerIoWhenFamiliarFormWouldReadAsRegistry() {
    ImageRef ref = ImageRef.parse("docker.io/foo.bar/baz");

    assertThat(ref.registry()).isEqualTo("docker.io");
    assertThat(ref.familiar()).isEqualTo("docker.io/foo.bar/baz");
    assertThat(ImageRef.parse(ref.toString())).isEqualTo(ref);
  }

  @Test
  void parsesDigestWithoutTag() {
    ImageRef ref = ImageRef.parse("ubuntu@" + SHA);

    assertThat(ref.tag()).isNull();
    assertThat(ref.digest()).isEqualTo(SHA);
    assertThat(ref.normalized()).isEqualTo("docker.io/library/ubuntu@" + SHA);
    assertThat(ref.familiar()).isEqualTo("ubuntu@" + SHA);
    assertThat(ref.tagOrLatest()).isEqualTo("latest");
  }

  @Test
  void parsesTagAndDigestTogether() {
    ImageRef ref = ImageRef.parse("localhost:5000/app:1.2@" + SHA);

    assertThat(ref.registry()).isEqualTo("localhost:5000");
    assertThat(ref.tag()).isEqualTo("1.2");
    assertThat(ref.digest()).isEqualTo(SHA);
    assertThat(ref.normalized()).isEqualTo("localhost:5000/app:1.2@" + SHA);
  }

  @Test
  void acceptsOtherDigestAlgorithmsByGrammar() {
    assertThat(ImageRef.parse("app@sha512:" + "0".repeat(128)).digest())
        .isEqualTo("sha512:" + "0".repeat(128));
    assertThat(ImageRef.parse("app@tarsum.v1+sha256:" + "AbC0".repeat(8)).digest())
        .isEqualTo("tarsum.v1+sha256:" + "AbC0".repeat(8));
  }

  @Test
  void acceptsEverySeparatorInPathComponents() {
    ImageRef ref = ImageRef.parse("a_b__c-d---e/f.g0");

    assertThat(ref.registry()).isEqualTo("docker.io");
    assertThat(ref.repository()).isEqualTo("a_b__c-d---e/f.g0");
  }

  @Test
  void treatsDottedFirstComponentAsRegistryEvenWhenUnreachable() {
    // docker reads it the same way: a . makes the first component a host name
    assertThat(ImageRef.parse("my.team/app").registry()).isEqualTo("my.team");
  }

  @Test
  void acceptsTagOfExactly128Characters() {
    String tag = "t".repeat(128);

    assertThat(ImageRef.parse("app:" + tag).tag()).isEqualTo(tag);
  }

  @Test
  void acceptsNameOfExactly255Characters() {
    String path = "a".repeat(255 - "example.com/".length());

    assertThat(ImageRef.parse("example.com/" + path).name()).hasSize(255);
  }

  @Test
  void withTagReplacesTagAndKeepsDigest() {
    ImageRef ref = ImageRef.parse("app:1@" + SHA).withTag("2");

    assertThat(ref.tag()).isEqualTo("2");
    assertThat(ref.digest()).isEqualTo(SHA);
    assertThat(ref.withTag(null).familiar()).isEqualTo("app@" + SHA);
  }

  @Test
  void withDigestReplacesDigestAndKeepsTag() {
    ImageRef ref = ImageRef.parse("app:1").withDigest(SHA);

    assertThat(ref.familiar()).isEqualTo("app:1@" + SHA);
    assertThat(ref.withDigest(null)).isEqualTo(ImageRef.parse("app:1"));
  }

  @Test
  void withTagRejectsBadTagQuotingIt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ImageRef.parse("app").withTag("-bad"))
        .withMessageContaining("\"-bad\"");
  }

  @Test
  void withDigestRejectsBadDigestQuotingIt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ImageRef.parse("app").withDigest("sha256:xyz"))
        .withMessageContaining("\"sha256:xyz\"");
  }

  @Test
  void distinguishesTagAndDigestInEquality() {
    assertThat(ImageRef.parse("app:1")).isNotEqualTo(ImageRef.parse("app:2"));
    assertThat(ImageRef.parse("app")).isNotEqualTo(ImageRef.parse("app:latest"));
    assertThat(ImageRef.parse("a/app")).isNotEqualTo(ImageRef.parse("b/app"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ubuntu",
        "ubuntu:14.04",
        "ouruser/sinatra:v2",
        "localhost:5000/x:1",
        "[::1]:5000/app:2",
        "ghcr.io/org/app@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "library/a/b",
        "docker.io/foo.bar/baz:1",
        "localhost/app",
      })
  void toStringParsesBackToEqualValue(String text) {
    ImageRef ref = ImageRef.parse(text);

    assertThat(ref.toString()).isEqualTo(text);
    assertThat(ImageRef.parse(ref.toString())).isEqualTo(ref);
    assertThat(ImageRef.parse(ref.normalized()).name()).isEqualTo(ref.name());
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("", "empty"),
        Arguments.of(" ubuntu", "white space"),
        Arguments.of("ubu ntu", "white space"),
        Arguments.of("Ubuntu", "repository name must be lowercase"),
        Arguments.of("docker.io/Ubuntu", "repository name must be lowercase"),
        Arguments.of("MyUser/app", "repository name must be lowercase"),
        Arguments.of("ghcr.io/Org/app", "repository name must be lowercase"),
        Arguments.of("a//b", "must not be empty"),
        Arguments.of("a/", "must not be empty"),
        Arguments.of("/a", "must not be empty"),
        Arguments.of("docker.io/", "must not be empty"),
        Arguments.of("ubuntu:", "tag after : is empty"),
        Arguments.of("ubuntu:-x", "must not start with . or -"),
        Arguments.of("ubuntu:.x", "must not start with . or -"),
        Arguments.of("ubuntu:a+b", "may hold only"),
        Arguments.of("ubuntu:" + "t".repeat(129), "at most 128"),
        Arguments.of("ubuntu@", "digest after @ is empty"),
        Arguments.of("ubuntu@sha256:abc", "algorithm:hex"),
        Arguments.of("ubuntu@sha256:" + "a".repeat(63), "exactly 64"),
        Arguments.of("ubuntu@sha256:" + "A".repeat(64), "lower-case"),
        Arguments.of("ubuntu@md5", "algorithm:hex"),
        Arguments.of("ubuntu@1sha:" + "a".repeat(32), "algorithm:hex"),
        Arguments.of("ubuntu@sha256:" + "g".repeat(64), "algorithm:hex"),
        Arguments.of("a@b@c", "algorithm:hex"),
        Arguments.of(":tag", "name before the tag or digest is empty"),
        Arguments.of("@" + SHA, "name before the tag or digest is empty"),
        Arguments.of("-a", "may hold only lower-case"),
        Arguments.of("a-", "may hold only lower-case"),
        Arguments.of("a..b", "may hold only lower-case"),
        Arguments.of("a___b", "may hold only lower-case"),
        Arguments.of("exa_mple.com/x", "registry \"exa_mple.com\""),
        Arguments.of("-bad.com/x", "registry \"-bad.com\""),
        Arguments.of("localhost:abc/x", "registry \"localhost:abc\""),
        Arguments.of("[::1/x", "registry \"[::1\""),
        Arguments.of("ubuntu:latest:x", "may hold only lower-case"),
        Arguments.of("example.com/" + "a".repeat(244), "at most 255"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void rejectsMalformedReferenceQuotingIt(String text, String reason) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ImageRef.parse(text))
        .withMessageContaining("image reference \"" + text + "\" is not valid")
        .withMessageContaining(reason);
  }

  @Test
  void rejectsNull() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ImageRef.parse(null))
        .withMessageContaining("missing");
  }
}
