package dev.weft.sdk.resources;

import java.util.List;

/**
 * Finds a container id in {@code /proc/self/cgroup} and {@code /proc/self/mountinfo} lines. Pure.
 *
 * <p>Only 64-hex-digit ids (Docker, containerd, CRI-O, Podman) are accepted: a looser match turns
 * ordinary host cgroups such as {@code session-2.scope} into bogus ids.
 */
final class ContainerIds {

  private static final int ID_LENGTH = 64;

  private ContainerIds() {}

  /**
   * Lines {@code hierarchy:controllers:path}; the id is the path's last segment, possibly wrapped
   * as {@code docker-<id>.scope}, {@code crio-<id>.scope}, {@code cri-containerd-<id>.scope} or
   * {@code cri-containerd:<id>} (containerd 1.5+ with the systemd driver).
   */
  static String fromCgroup(List<String> lines) {
    for (String line : lines) {
      int slash = line.lastIndexOf('/');
      if (slash < 0) {
        continue;
      }
      String segment = line.substring(slash + 1).trim();
      if (segment.endsWith(".scope")) {
        segment = segment.substring(0, segment.length() - ".scope".length());
      }
      int cut = Math.max(segment.lastIndexOf('-'), segment.lastIndexOf(':'));
      String candidate = segment.substring(cut + 1);
      if (isContainerId(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * Mount lines ({@code id parent major:minor root mount-point ...}). Container runtimes bind-mount
   * the container's own {@code hostname}, {@code hosts} and {@code resolv.conf} from its directory,
   * e.g. {@code /var/lib/docker/containers/<id>/hostname} (Docker) or {@code
   * .../overlay-containers/<id>/userdata/hostname} (Podman). Only those mount points are trusted:
   * on a Docker host, mounts such as {@code .../containers/<id>/mounts/shm} are visible outside any
   * container.
   */
  static String fromMountinfo(List<String> lines) {
    for (String line : lines) {
      String[] fields = line.split(" ");
      if (fields.length < 5 || !isRuntimeManagedFile(fields[4])) {
        continue;
      }
      String[] segments = fields[3].split("/");
      for (int i = 0; i + 1 < segments.length; i++) {
        boolean parent =
            segments[i].equals("containers") || segments[i].equals("overlay-containers");
        if (parent && isContainerId(segments[i + 1])) {
          return segments[i + 1];
        }
      }
    }
    return null;
  }

  private static boolean isRuntimeManagedFile(String mountPoint) {
    return mountPoint.equals("/etc/hostname")
        || mountPoint.equals("/etc/hosts")
        || mountPoint.equals("/etc/resolv.conf");
  }

  static boolean isContainerId(String text) {
    if (text.length() != ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < ID_LENGTH; i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
