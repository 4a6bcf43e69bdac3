package dev.weft.sdk.resources;

import dev.weft.core.api.common.Attributes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;

/**
 * {@code container.id}, from {@code /proc/self/cgroup} (cgroup v1, or v2 with a host cgroup
 * namespace) or else from {@code /proc/self/mountinfo} (cgroup v2); absent outside containers.
 */
final class ContainerDetector implements ResourceDetector {

  private final Path cgroupFile;
  private final Path mountinfoFile;

  ContainerDetector() {
    this(Paths.get("/proc/self/cgroup"), Paths.get("/proc/self/mountinfo"));
  }

  // Visible for testing: fixture files instead of /proc.
  ContainerDetector(Path cgroupFile, Path mountinfoFile) {
    this.cgroupFile = cgroupFile;
    this.mountinfoFile = mountinfoFile;
  }

  @Override
  public String providerClassName() {
    return "io.opentelemetry.instrumentation.resources.ContainerResourceProvider";
  }

  @Override
  public void detect(Attributes.Builder out) {
    String id = containerId();
    if (id != null) {
      out.put("container.id", id);
    }
  }

  String containerId() {
    String id = ContainerIds.fromCgroup(readLines(cgroupFile));
    return id != null ? id : ContainerIds.fromMountinfo(readLines(mountinfoFile));
  }

  private static List<String> readLines(Path file) {
    try {
      if (!Files.isReadable(file)) {
        return Collections.emptyList();
      }
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return Collections.emptyList();
    }
  }
}
