package dev.weft.sdk.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.Attributes;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerDetectorTest {

  private static final String ID =
      "3c7f5a2b9e1d4c6f8a0b2d4e6f8a1c3e5b7d9f0a2c4e6b8d0f1a3c5e7b9d1f2a";

  @ParameterizedTest
  @CsvSource({
    "cgroup-v1-docker.txt, mountinfo-docker-host.txt",
    "cgroup-v1-systemd-scope.txt, missing.txt",
    "cgroup-v1-kubernetes-crio.txt, missing.txt",
    "cgroup-v1-kubernetes-cgroupfs.txt, missing.txt",
    "cgroup-v1-containerd-systemd-driver.txt, missing.txt",
    "cgroup-v2-container.txt, mountinfo-docker.txt",
    "cgroup-v2-container.txt, mountinfo-podman.txt",
    "missing.txt, mountinfo-docker.txt"
  })
  void findsTheContainerId(String cgroup, String mountinfo) throws Exception {
    assertThat(ID).hasSize(64);
    assertThat(detector(cgroup, mountinfo).containerId()).isEqualTo(ID);
  }

  @ParameterizedTest
  @CsvSource({
    "cgroup-v1-host.txt, mountinfo-docker-host.txt",
    "cgroup-v2-host.txt, mountinfo-docker-host.txt",
    "cgroup-v2-container.txt, missing.txt",
    "missing.txt, missing.txt"
  })
  void findsNothingOutsideAContainer(String cgroup, String mountinfo) throws Exception {
    ContainerDetector detector = detector(cgroup, mountinfo);
    assertThat(detector.containerId()).isNull();
    Attributes.Builder out = Attributes.builder();
    detector.detect(out);
    assertThat(out.build().get(AttributeKey.stringKey("container.id"))).isNull();
  }

  @Test
  void detectAddsTheAttribute() throws Exception {
    Attributes.Builder out = Attributes.builder();
    detector("cgroup-v1-docker.txt", "missing.txt").detect(out);
    assertThat(out.build().get(AttributeKey.stringKey("container.id"))).isEqualTo(ID);
  }

  @Test
  void onlyFullLowerCaseHexIdsCount() {
    assertThat(ContainerIds.isContainerId(ID)).isTrue();
    assertThat(ContainerIds.isContainerId(ID.toUpperCase(java.util.Locale.ROOT))).isFalse();
    assertThat(ContainerIds.isContainerId(ID.substring(1))).isFalse();
    assertThat(ContainerIds.isContainerId("2")).isFalse();
  }

  private static ContainerDetector detector(String cgroup, String mountinfo)
      throws URISyntaxException {
    return new ContainerDetector(fixture(cgroup), fixture(mountinfo));
  }

  private static Path fixture(String name) throws URISyntaxException {
    Path directory =
        Paths.get(ContainerDetectorTest.class.getResource("/container/cgroup-v1-host.txt").toURI())
            .getParent();
    return directory.resolve(name); // "missing.txt" does not exist, like /proc off Linux
  }
}
