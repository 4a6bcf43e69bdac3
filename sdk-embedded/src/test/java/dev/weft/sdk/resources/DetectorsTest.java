package dev.weft.sdk.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DetectorsTest {

  @ParameterizedTest
  @CsvSource({
    "Linux, linux",
    "Windows 11, windows",
    "Windows Server 2022, windows",
    "Mac OS X, darwin",
    "FreeBSD, freebsd",
    "NetBSD, netbsd",
    "OpenBSD, openbsd",
    "DragonFlyBSD, dragonflybsd",
    "HP-UX, hpux",
    "AIX, aix",
    "SunOS, solaris",
    "Solaris, solaris",
    "z/OS, zos"
  })
  void osNamesMapToTheSemanticConventionEnum(String osName, String type) {
    assertThat(OsDetector.osType(osName)).isEqualTo(type);
  }

  @Test
  void unknownOsHasNoType() {
    assertThat(OsDetector.osType("Plan 9")).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "amd64, amd64",
    "x86_64, amd64",
    "x86, x86",
    "i386, x86",
    "aarch64, arm64",
    "arm, arm32",
    "ppc64le, ppc64",
    "ppc, ppc32",
    "s390x, s390x",
    "riscv64, riscv64"
  })
  void osArchMapsToHostArch(String osArch, String hostArch) {
    assertThat(HostDetector.hostArch(osArch)).isEqualTo(hostArch);
  }

  @Test
  void cmdlineArgumentsFollowTheExecutable() {
    byte[] cmdline = "java\0-Xmx1g\0-jar\0app.jar\0\0last\0".getBytes(StandardCharsets.UTF_8);
    assertThat(ProcessDetector.parseCmdline(cmdline, "/jdk/bin/java"))
        .containsExactly("/jdk/bin/java", "-Xmx1g", "-jar", "app.jar", "", "last");
  }

  @Test
  void emptyCmdlineGivesNoArguments() {
    assertThat(ProcessDetector.parseCmdline(new byte[0], "/jdk/bin/java")).isNull();
  }
}
