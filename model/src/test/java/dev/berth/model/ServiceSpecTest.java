package dev.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceSpecTest {
  @Test
  void keepsMountsInTheirMountFlagForm() {
    ServiceSpec spec = ServiceSpec.of("nginx")
        .mount(Mount.bind("/host", "/ctr").readOnly())
        .mount(Mount.parseVolumeFlag("data:/data:nocopy"))
        .mount(Mount.parseTmpfsFlag("/run:size=64m,mode=1777"));

    assertThat(spec.mounts()).containsExactly(
        Mount.parseMountFlag("type=bind,source=/host,target=/ctr,readonly"),
        Mount.parseMountFlag("type=volume,source=data,target=/data,volume-nocopy"),
        Mount.parseMountFlag("type=tmpfs,target=/run,tmpfs-size=64m,tmpfs-mode=1777"));
    assertThat(spec.mounts()).extracting(Mount::syntax).containsOnly(Mount.Syntax.MOUNT_FLAG);
  }

  @Test
  void refusesMountsThatMountFlagCannotSay() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ServiceSpec.of("nginx").mount(Mount.parseVolumeFlag("/a:/b:z")))
        .withMessageContaining("SELinux label (:z)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ServiceSpec.of("nginx").mount(Mount.parseTmpfsFlag("/t:noexec")))
        .withMessageContaining("no tmpfs option \"noexec\"");
  }

  @Test
  void anEmptyHealthCheckIsTheImages() {
    assertThat(ServiceSpec.of("nginx").healthcheck(Healthcheck.of(List.of())).healthcheck())
        .isNull();
    assertThat(ServiceSpec.of("nginx").healthcheck(Healthcheck.none()).healthcheck())
        .isEqualTo(Healthcheck.none());
  }

  @Test
  void holdsTheAddedSettings() {
    ServiceSpec spec = ServiceSpec.of("nginx").dnsOption("ndots:2").dnsSearch("example.com")
        .ulimit("nofile=1024:2048").limitPids(64).isolation("process");

    assertThat(spec.dnsOptions()).containsExactly("ndots:2");
    assertThat(spec.dnsSearch()).containsExactly("example.com");
    assertThat(spec.ulimits()).containsExactly("nofile=1024:2048");
    assertThat(spec.limitPids()).isEqualTo(64L);
    assertThat(spec.isolation()).isEqualTo("process");
    assertThat(spec).isNotEqualTo(ServiceSpec.of("nginx"))
        .isEqualTo(ServiceSpec.of("nginx").dnsOption("ndots:2").dnsSearch("example.com")
            .ulimit("nofile=1024:2048").limitPids(64).isolation("process"));
    assertThat(ServiceSpec.of("nginx").limitPids()).isNull();
    assertThat(ServiceSpec.of("nginx").isolation("hyperv").isolation(null).isolation()).isNull();
  }

  @Test
  void refusesBadAddedSettings() {
    ServiceSpec spec = ServiceSpec.of("nginx");

    assertThatIllegalArgumentException().isThrownBy(() -> spec.ulimit("nofile"))
        .withMessage("--ulimit \"nofile\" is not valid: expected name=soft[:hard], such as"
            + " nofile=1024:2048");
    assertThatIllegalArgumentException().isThrownBy(() -> spec.limitPids(-1))
        .withMessage("--limit-pids -1 is not valid: expected 0 or more");
    assertThatIllegalArgumentException().isThrownBy(() -> spec.isolation("vm"))
        .withMessage("--isolation \"vm\" is not valid: expected default, process or hyperv");
  }
}
