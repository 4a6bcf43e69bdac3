package dev.weft.jarshrinker;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of {@link JarShrinker}; class names are kept as internal names. */
final class Options {
  Path dir;
  String pruneUnder;
  final List<String> api = new ArrayList<>();
  final List<String> keep = new ArrayList<>();
  final List<String> optional = new ArrayList<>();
  final List<URL> libraries = new ArrayList<>();
  Path report;

  static Options parse(String... args) {
    Options options = new Options();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        JarShrinker.require(options.dir == null, "more than one directory: " + arg);
        options.dir = Path.of(arg);
        continue;
      }
      JarShrinker.require(i + 1 < args.length, arg + " needs a value");
      String value = args[++i];
      switch (arg) {
        case "--prune-under" -> options.pruneUnder = internal(value) + "/";
        case "--api" -> options.api.add(internal(value));
        case "--keep" -> options.keep.add(internal(value));
        case "--optional" -> options.optional.add(internal(value));
        case "--library" -> options.libraries.add(url(Path.of(value)));
        case "--report" -> options.report = Path.of(value);
        default -> throw new JarShrinker.ShrinkException("unknown option " + arg);
      }
    }
    JarShrinker.require(
        options.dir != null && Files.isDirectory(options.dir), "no directory to shrink given");
    JarShrinker.require(options.pruneUnder != null, "--prune-under is required");
    return options;
  }

  /** {@code a.b.C}, {@code a/b/C}, {@code a.b.**} or {@code a/b/**} to internal form. */
  private static String internal(String name) {
    String glob = name.endsWith(".**") ? name.substring(0, name.length() - 3) + "/**" : name;
    String internal = glob.replace('.', '/');
    JarShrinker.require(
        !internal.replace("/**", "").contains("*"), name + ": only a trailing .** is supported");
    return internal.endsWith("/") ? internal.substring(0, internal.length() - 1) : internal;
  }

  private static URL url(Path path) {
    JarShrinker.require(Files.exists(path), "--library " + path + ": missing");
    try {
      return path.toUri().toURL(); // a directory's URI ends with '/', as URLClassLoader needs
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(path.toString(), e);
    }
  }
}
