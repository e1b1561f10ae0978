package dev.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;

import dev.berth.model.Mount.Syntax;
import dev.berth.model.Mount.Type;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MountTest {

  // ------------------------------------------------------------------ -v

  @Test
  void parsesVolumeFlagBind() {
    Mount m = Mount.parseVolumeFlag("/src:/dst");

    assertThat(m.type()).isEqualTo(Type.BIND);
    assertThat(m.syntax()).isEqualTo(Syntax.VOLUME_FLAG);
    assertThat(m.source()).isEqualTo("/src");
    assertThat(m.target()).isEqualTo("/dst");
    assertThat(m.isReadOnly()).isFalse();
    assertThat(m.isAnonymous()).isFalse();
    assertThat(m.volumeFlagOptions()).isEmpty();
    assertThat(m.toBindString()).isEqualTo("/src:/dst");
    assertThat(m.toCommandLine()).containsExactly("-v", "/src:/dst");
  }

  @Test
  void parsesVolumeFlagReadOnlyBind() {
    Mount m = Mount.parseVolumeFlag("/src:/dst:ro");

    assertThat(m.isReadOnly()).isTrue();
    assertThat(m.toCommandLine()).containsExactly("-v", "/src:/dst:ro");
  }

  @Test
  void keepsVolumeFlagOptionsInTheOrderWritten() {
    Mount m = Mount.parseVolumeFlag("/src:/dst:Z,ro,rshared,delegated");

    assertThat(m.selinuxLabel()).isEqualTo("Z");
    assertThat(m.isReadOnly()).isTrue();
    assertThat(m.propagation()).isEqualTo("rshared");
    assertThat(m.consistency()).isEqualTo("delegated");
    assertThat(m.volumeFlagOptions()).isEqualTo("Z,ro,rshared,delegated");
    assertThat(m.toBindString()).isEqualTo("/src:/dst:Z,ro,rshared,delegated");
  }

  @Test
  void parsesVolumeFlagNamedVolumeWithNoCopy() {
    Mount m = Mount.parseVolumeFlag("my-vol_1.x:/data:nocopy,z");

    assertThat(m.type()).isEqualTo(Type.VOLUME);
    assertThat(m.source()).isEqualTo("my-vol_1.x");
    assertThat(m.isNoCopy()).isTrue();
    assertThat(m.selinuxLabel()).isEqualTo("z");
    assertThat(m.toBindString()).isEqualTo("my-vol_1.x:/data:nocopy,z");
  }

  @Test
  void parsesVolumeFlagAnonymousVolume() {
    Mount m = Mount.parseVolumeFlag("/data");

    assertThat(m.type()).isEqualTo(Type.VOLUME);
    assertThat(m.source()).isNull();
    assertThat(m.isAnonymous()).isTrue();
    assertThat(m.target()).isEqualTo("/data");
    assertThat(m.toCommandLine()).containsExactly("-v", "/data");
    assertThat(m).isEqualTo(Mount.anonymousVolume("/data"));
  }

  @Test
  void refusesBindStringForAnonymousVolume() {
    assertThatIllegalStateException()
        .isThrownBy(() -> Mount.parseVolumeFlag("/data").toBindString())
        .withMessageContaining("Config.Volumes");
  }

  @Test
  void refusesBindStringForMountFlagSyntax() {
    assertThatIllegalStateException()
        .isThrownBy(() -> Mount.parseMountFlag("type=bind,source=/a,target=/b").toBindString())
        .withMessageContaining("only -v mounts go in HostConfig.Binds");
  }

  @Test
  void acceptsSpacesInHostPaths() {
    Mount m = Mount.parseVolumeFlag("/my dir:/data");

    assertThat(m.source()).isEqualTo("/my dir");
    assertThat(m.toCommandLine()).containsExactly("-v", "/my dir:/data");
  }

  @Test
  void distinguishesOptionOrderInEquality() {
    // the engine gets the Binds entry as written, so the two are different requests
    assertThat(Mount.parseVolumeFlag("/a:/b:ro,z"))
        .isNotEqualTo(Mount.parseVolumeFlag("/a:/b:z,ro"));
  }

  static Stream<Arguments> malformedVolumeFlags() {
    return Stream.of(
        Arguments.of("", "empty"),
        Arguments.of("::", "empty part"),
        Arguments.of("/a::/b", "empty part"),
        Arguments.of("/a:", "empty part"),
        Arguments.of(":/b", "empty part"),
        Arguments.of("/a:/b:", "empty part"),
        Arguments.of("/a:/b:c:d", "more than two colons"),
        Arguments.of("./x:/data", "use an absolute path for host directories"),
        Arguments.of("x/y:/data", "use an absolute path for host directories"),
        Arguments.of("~/x:/data", "use an absolute path for host directories"),
        Arguments.of("a:/data", "volume name \"a\""),
        Arguments.of("my vol:/data", "volume name \"my vol\""),
        Arguments.of("_vol:/data", "volume name \"_vol\""),
        Arguments.of("/src:data", "container path \"data\" must be absolute"),
        Arguments.of("data", "container path \"data\" must be absolute"),
        Arguments.of("/src:/", "must not be /"),
        Arguments.of("/src:/dst:rx", "unknown option \"rx\""),
        Arguments.of("/src:/dst:RO", "unknown option \"RO\""),
        Arguments.of("/src:/dst:ro,rw", "\"ro\" and \"rw\" conflict"),
        Arguments.of("/src:/dst:z,Z", "\"z\" and \"Z\" conflict"),
        Arguments.of("/src:/dst:shared,slave", "\"shared\" and \"slave\" conflict"),
        Arguments.of("/src:/dst:cached,delegated", "\"cached\" and \"delegated\" conflict"),
        Arguments.of("vol:/dst:nocopy,nocopy", "\"nocopy\" and \"nocopy\" conflict"),
        Arguments.of("/src:/dst:ro,", "empty entry"),
        Arguments.of("/src:/dst:nocopy", "nocopy applies only to volumes"),
        Arguments.of("vol:/dst:shared", "applies only to host paths"),
        Arguments.of("/data:ro", "no container path comes before them"),
        Arguments.of("vol:rw,z", "no container path comes before them"));
  }

  @ParameterizedTest
  @MethodSource("malformedVolumeFlags")
  void rejectsMalformedVolumeFlagQuotingIt(String spec, String reason) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Mount.parseVolumeFlag(spec))
        .withMessageContaining("volume spec \"" + spec + "\" is not valid")
        .withMessageContaining(reason);
  }

  // ------------------------------------------------------------------ --mount

  @Test
  void parsesMountFlagReadOnlyBind() {
    Mount m = Mount.parseMountFlag("type=bind,source=/a,target=/b,readonly");

    assertThat(m.type()).isEqualTo(Type.BIND);
    assertThat(m.syntax()).isEqualTo(Syntax.MOUNT_FLAG);
    assertThat(m.source()).isEqualTo("/a");
    assertThat(m.target()).isEqualTo("/b");
    assertThat(m.isReadOnly()).isTrue();
    assertThat(m.toCommandLine())
        .containsExactly("--mount", "type=bind,source=/a,target=/b,readonly");
  }

  @Test
  void readsMountFlagAliasesAndBindOptions() {
    Mount m = Mount.parseMountFlag(
        "type=bind,src=/a,dst=/b,ro=true,bind-propagation=RShared,bind-nonrecursive");

    assertThat(m.isReadOnly()).isTrue();
    assertThat(m.propagation()).isEqualTo("rshared");
    assertThat(m.isBindNonRecursive()).isTrue();
    assertThat(m.toString())
        .isEqualTo(
            "type=bind,source=/a,target=/b,readonly,bind-propagation=rshared,bind-nonrecursive");
  }

  @Test
  void readsMountFlagKeysInAnyCase() {
    assertThat(Mount.parseMountFlag("TYPE=BIND,Source=/a,Destination=/b"))
        .isEqualTo(Mount.parseMountFlag("type=bind,source=/a,target=/b"));
  }

  @Test
  void readsMountFlagBooleansAsGoDoes() {
    assertThat(Mount.parseMountFlag("target=/x,readonly=1").isReadOnly()).isTrue();
    assertThat(Mount.parseMountFlag("target=/x,readonly=0").isReadOnly()).isFalse();
    assertThat(Mount.parseMountFlag("target=/x,ro=false").isReadOnly()).isFalse();
    assertThat(Mount.parseMountFlag("target=/x,volume-nocopy=true").isNoCopy()).isTrue();
  }

  @Test
  void defaultsMountFlagTypeToAnonymousVolume() {
    Mount m = Mount.parseMountFlag("target=/data");

    assertThat(m.type()).isEqualTo(Type.VOLUME);
    assertThat(m.isAnonymous()).isTrue();
    assertThat(m.toCommandLine()).containsExactly("--mount", "type=volume,target=/data");
  }

  @Test
  void parsesMountFlagVolumeWithDriverOptionsAndLabels() {
    Mount m = Mount.parseMountFlag(
        "type=volume,source=nfs-data,target=/data,volume-driver=local,volume-opt=type=nfs,"
            + "volume-opt=device=:/export,\"volume-opt=o=addr=10.0.0.1,rw\","
            + "volume-label=env=prod,volume-label=empty,volume-nocopy,consistency=cached");

    assertThat(m.source()).isEqualTo("nfs-data");
    assertThat(m.volumeDriver()).isEqualTo("local");
    assertThat(m.volumeOptions())
        .containsExactly(
            entry("type", "nfs"), entry("device", ":/export"), entry("o", "addr=10.0.0.1,rw"));
    assertThat(m.volumeLabels()).containsExactly(entry("env", "prod"), entry("empty", ""));
    assertThat(m.isNoCopy()).isTrue();
    assertThat(m.consistency()).isEqualTo("cached");
    assertThat(m.toString())
        .isEqualTo(
            "type=volume,source=nfs-data,target=/data,consistency=cached,volume-driver=local,"
                + "volume-nocopy,volume-opt=type=nfs,volume-opt=device=:/export,"
                + "\"volume-opt=o=addr=10.0.0.1,rw\",volume-label=env=prod,volume-label=empty=");
    assertThat(Mount.parseMountFlag(m.toString())).isEqualTo(m);
  }

  @Test
  void acceptsDriverSpecificVolumeNames() {
    // only the local driver restricts names; another driver may use its own
    assertThat(Mount.parseMountFlag("source=pool/vol,target=/d,volume-driver=zfs").source())
        .isEqualTo("pool/vol");
  }

  @Test
  void parsesMountFlagTmpfsSizeAndMode() {
    Mount m = Mount.parseMountFlag("type=tmpfs,target=/run,tmpfs-size=64m,tmpfs-mode=1770");

    assertThat(m.type()).isEqualTo(Type.TMPFS);
    assertThat(m.source()).isNull();
    assertThat(m.tmpfsSizeBytes()).isEqualTo(64L * 1024 * 1024);
    assertThat(m.tmpfsMode()).isEqualTo(01770);
    assertThat(m.tmpfsOptions()).isEmpty();
    assertThat(m.toCommandLine())
        .containsExactly("--mount", "type=tmpfs,target=/run,tmpfs-size=64m,tmpfs-mode=1770");
  }

  @Test
  void unquotesDoubledQuotesInMountFlagFields() {
    Mount m = Mount.parseMountFlag("target=/d,\"volume-label=say=\"\"hi\"\"\"");

    assertThat(m.volumeLabels()).containsExactly(entry("say", "\"hi\""));
    assertThat(Mount.parseMountFlag(m.toString())).isEqualTo(m);
  }

  static Stream<Arguments> malformedMountFlags() {
    return Stream.of(
        Arguments.of("", "empty"),
        Arguments.of("type=bind,target=/b", "needs source="),
        Arguments.of("type=bind,source=rel,target=/b", "use an absolute path"),
        Arguments.of("source=/a", "target is required"),
        Arguments.of("type=volume,source=v", "target is required"),
        Arguments.of("target=", "target is required"),
        Arguments.of("target=rel", "must be absolute"),
        Arguments.of("type=nfs,target=/x", "type \"nfs\" is not bind, volume or tmpfs"),
        Arguments.of("foo=bar,target=/x", "unknown key \"foo\""),
        Arguments.of("target=/x,bogus", "unknown key \"bogus\""),
        Arguments.of("target=/x,type", "needs a value"),
        Arguments.of("target=/x,=v", "no key"),
        Arguments.of("target=/x,readonly=maybe", "must be true, false, 1 or 0"),
        Arguments.of("type=bind,source=/a,target=/b,volume-nocopy", "with type=bind"),
        Arguments.of("type=volume,target=/b,bind-propagation=shared", "with type=volume"),
        Arguments.of("type=bind,source=/a,target=/b,tmpfs-size=1m", "with type=bind"),
        Arguments.of("bind-nonrecursive,type=bind,source=/a,target=/b,volume-opt=a=b",
            "\"volume-opt\" cannot be used with type=bind"),
        Arguments.of("type=tmpfs,target=/t,source=/a", "takes no source"),
        Arguments.of("type=tmpfs,target=/t,tmpfs-size=lots", "tmpfs-size \"lots\""),
        Arguments.of("type=tmpfs,target=/t,tmpfs-mode=999", "tmpfs-mode \"999\""),
        Arguments.of("type=tmpfs,target=/t,tmpfs-mode=17777", "tmpfs-mode \"17777\""),
        Arguments.of("target=/x,,readonly", "empty field"),
        Arguments.of("target=/x,", "empty field"),
        Arguments.of("\"target=/x", "no closing \""),
        Arguments.of("\"target=/x\"y", "must be followed by ,"),
        Arguments.of("target=/x\"", "quoted as a whole"),
        Arguments.of("target=/x,volume-opt==v", "needs a name"),
        Arguments.of("target=/x,volume-driver=", "needs a driver name"),
        Arguments.of("type=bind,source=/a,target=/b,bind-propagation=weird", "\"weird\""),
        Arguments.of("target=/x,consistency=fast", "\"fast\""),
        Arguments.of("source=a,target=/x", "volume name \"a\""));
  }

  @ParameterizedTest
  @MethodSource("malformedMountFlags")
  void rejectsMalformedMountFlagQuotingIt(String spec, String reason) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Mount.parseMountFlag(spec))
        .withMessageContaining("mount spec \"" + spec + "\" is not valid")
        .withMessageContaining(reason);
  }

  // ------------------------------------------------------------------ --tmpfs

  @Test
  void parsesTmpfsFlagWithoutOptions() {
    Mount m = Mount.parseTmpfsFlag("/run");

    assertThat(m.type()).isEqualTo(Type.TMPFS);
    assertThat(m.syntax()).isEqualTo(Syntax.TMPFS_FLAG);
    assertThat(m.target()).isEqualTo("/run");
    assertThat(m.tmpfsOptions()).isEmpty();
    assertThat(m).isEqualTo(Mount.tmpfs("/run"));
  }

  @Test
  void keepsTmpfsFlagOptionsAsWritten() {
    Mount m = Mount.parseTmpfsFlag("/run:rw,noexec,size=64m");

    assertThat(m.tmpfsOptions()).isEqualTo("rw,noexec,size=64m");
    assertThat(m.isReadOnly()).isFalse();
    assertThat(m.tmpfsSizeBytes()).isZero();
    assertThat(m.toCommandLine()).containsExactly("--tmpfs", "/run:rw,noexec,size=64m");
  }

  @Test
  void readsRoInTmpfsFlagOptions() {
    assertThat(Mount.parseTmpfsFlag("/cache:ro,noexec").isReadOnly()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "run", "/run:", "/run:rw,,size=1m", "/:rw", "/run:rw size=1m"})
  void rejectsMalformedTmpfsFlagQuotingIt(String spec) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Mount.parseTmpfsFlag(spec))
        .withMessageContaining("tmpfs spec \"" + spec + "\" is not valid")
        .withMessageContaining("expected /container/path[:options]");
  }

  // ------------------------------------------------------------------ factories

  @Test
  void buildsBindWithVolumeFlagSyntax() {
    Mount m = Mount.bind("/srv", "/data");

    assertThat(m).isEqualTo(Mount.parseVolumeFlag("/srv:/data"));
    assertThat(m.toCommandLine()).containsExactly("-v", "/srv:/data");
  }

  @Test
  void buildsNamedVolumeWithVolumeFlagSyntax() {
    Mount m = Mount.volume("pgdata", "/var/lib/postgresql/data");

    assertThat(m.type()).isEqualTo(Type.VOLUME);
    assertThat(m.toBindString()).isEqualTo("pgdata:/var/lib/postgresql/data");
  }

  @Test
  void readOnlyAddsRoToVolumeFlagOptions() {
    assertThat(Mount.bind("/a", "/b").readOnly().toBindString()).isEqualTo("/a:/b:ro");
    assertThat(Mount.parseVolumeFlag("/a:/b:rw,z").readOnly().toBindString())
        .isEqualTo("/a:/b:ro,z");
    assertThat(Mount.parseVolumeFlag("/a:/b:z").readOnly().toBindString())
        .isEqualTo("/a:/b:z,ro");
    Mount readOnly = Mount.parseVolumeFlag("/a:/b:ro");
    assertThat(readOnly.readOnly()).isSameAs(readOnly);
  }

  @Test
  void readOnlyMovesAnonymousVolumeToMountFlag() {
    Mount m = Mount.anonymousVolume("/d").readOnly();

    assertThat(m.syntax()).isEqualTo(Syntax.MOUNT_FLAG);
    assertThat(m.toCommandLine()).containsExactly("--mount", "type=volume,target=/d,readonly");
  }

  @Test
  void readOnlyWorksForMountAndTmpfsFlags() {
    assertThat(Mount.parseMountFlag("type=bind,source=/a,target=/b").readOnly())
        .isEqualTo(Mount.parseMountFlag("type=bind,source=/a,target=/b,readonly"));
    assertThat(Mount.tmpfs("/run").readOnly().toCommandLine())
        .containsExactly("--tmpfs", "/run:ro");
    assertThat(Mount.parseTmpfsFlag("/run:rw,size=1m").readOnly().tmpfsOptions())
        .isEqualTo("ro,size=1m");
  }

  @Test
  void rejectsBadFactoryArgumentsQuotingThem() {
    assertThatIllegalArgumentException().isThrownBy(() -> Mount.bind("rel", "/b"))
        .withMessageContaining("\"rel\"");
    assertThatIllegalArgumentException().isThrownBy(() -> Mount.bind("/a:b", "/c"))
        .withMessageContaining("\"/a:b\"");
    assertThatIllegalArgumentException().isThrownBy(() -> Mount.volume("a", "/d"))
        .withMessageContaining("\"a\"");
    assertThatIllegalArgumentException().isThrownBy(() -> Mount.volume("x/y", "/d"))
        .withMessageContaining("\"x/y\"");
    assertThatIllegalArgumentException().isThrownBy(() -> Mount.tmpfs("run"))
        .withMessageContaining("\"run\"");
    assertThatIllegalArgumentException().isThrownBy(() -> Mount.anonymousVolume("/"))
        .withMessageContaining("\"/\"");
  }

  // ------------------------------------------------------------------ round trips

  static Stream<Mount> everyShape() {
    return Stream.of(
        Mount.parseVolumeFlag("/src:/dst:ro,Z,rslave"),
        Mount.parseVolumeFlag("vol:/dst"),
        Mount.parseVolumeFlag("/anon"),
        Mount.bind("/a", "/b").readOnly(),
        Mount.parseMountFlag("type=bind,source=/a,target=/b,readonly,bind-nonrecursive"),
        Mount.parseMountFlag("source=v1,target=/v,volume-opt=size=10G,volume-label=x=1"),
        Mount.parseMountFlag("target=/v,\"volume-opt=o=a,b\",volume-driver=nfs"),
        Mount.parseMountFlag("type=tmpfs,dst=/t,tmpfs-size=1.5g,tmpfs-mode=0700"),
        Mount.parseTmpfsFlag("/run:rw,size=64m"),
        Mount.tmpfs("/tmp"));
  }

  @ParameterizedTest
  @MethodSource("everyShape")
  void toCommandLineParsesBackToEqualMount(Mount mount) {
    List<String> line = mount.toCommandLine();
    Mount back = switch (line.get(0)) {
      case "-v" -> Mount.parseVolumeFlag(line.get(1));
      case "--mount" -> Mount.parseMountFlag(line.get(1));
      default -> Mount.parseTmpfsFlag(line.get(1));
    };

    assertThat(back).isEqualTo(mount).hasSameHashCodeAs(mount);
    assertThat(back.toString()).isEqualTo(line.get(1));
  }
}
