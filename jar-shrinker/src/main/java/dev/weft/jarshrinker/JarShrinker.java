package dev.weft.jarshrinker;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.Deflater;

/**
 * Shrinks an unpacked jar in place: drops the classes under a prefix (the relocated third-party
 * code) that no reachable code needs, and replaces the bodies of the unreachable methods that name
 * a dropped class. Everything outside the prefix is a root and stays as it is.
 *
 * <pre>
 * JarShrinker DIR --prune-under dev/weft/shaded/
 *     [--api GLOB]...        classes kept whole that code outside the jar may call (extensions)
 *     [--keep GLOB]...       classes kept whole
 *     [--optional CLASS]...  looked up by name, done without when absent: the lookup keeps nothing
 *     [--library PATH]...    jars or directories of supertypes that are not in DIR (bootstrap)
 *     [--report FILE]        what was dropped, replaced and kept, and why
 * </pre>
 *
 * GLOB is a class name or a package followed by {@code .**}; dots or slashes. Every root must
 * exist: a provider named by a service file, a glob matching nothing, or an optional class that no
 * reachable code looks up any more fails the run (exit status 1).
 */
public final class JarShrinker {

  private final Path dir;
  private final Options options;
  private final Map<String, Path> files = new TreeMap<>();
  private final Map<String, ClassModel> classes = new TreeMap<>();

  private JarShrinker(Path dir, Options options) {
    this.dir = dir;
    this.options = options;
  }

  public static void main(String[] args) throws IOException {
    try {
      Options options = Options.parse(args);
      new JarShrinker(options.dir, options).shrink();
    } catch (ShrinkException e) {
      System.err.println("jar-shrinker: " + e.getMessage());
      System.exit(1);
    }
  }

  static final class ShrinkException extends RuntimeException {
    ShrinkException(String message) {
      super(message);
    }
  }

  /** Runs the whole shrink; visible for tests. */
  static Result shrink(String... args) throws IOException {
    Options options = Options.parse(args);
    return new JarShrinker(options.dir, options).shrink();
  }

  private Result shrink() throws IOException {
    readClasses();
    LibraryTypes library = new LibraryTypes(options.libraries.toArray(new URL[0]));
    Reachability reachability = new Reachability(classes, library);
    for (String type : options.optional) {
      require(classes.containsKey(type), "--optional " + dotted(type) + ": not in the jar");
      reachability.optional(type);
    }
    for (String type : classes.keySet()) {
      if (!type.startsWith(options.pruneUnder)) {
        reachability.keepApi(type, "outside " + options.pruneUnder);
      }
    }
    for (String glob : options.keep) {
      for (String type : matching(glob, "--keep")) {
        reachability.keepWhole(type, "--keep " + glob);
      }
    }
    for (String glob : options.api) {
      for (String type : matching(glob, "--api")) {
        reachability.keepApi(type, "--api " + glob);
      }
    }
    Map<String, List<String>> services = readServices();
    services.forEach(reachability::service);
    reachability.run();

    for (String type : options.optional) {
      require(
          reachability.optionalLookedUp().contains(type),
          "--optional "
              + dotted(type)
              + ": no reachable code looks it up by name; drop the option");
    }
    Result result = new Result(reachability);
    for (String type : classes.keySet()) {
      if (!reachability.isNeeded(type)) {
        result.dropped.add(type);
      }
    }
    for (Map.Entry<String, Path> entry : files.entrySet()) {
      String type = entry.getKey();
      byte[] bytes = Files.readAllBytes(entry.getValue());
      Result.Library stats = result.library(type);
      stats.classesBefore++;
      stats.bytesBefore += deflatedSize(bytes);
      if (result.dropped.contains(type)) {
        Files.delete(entry.getValue());
        continue;
      }
      ClassModel model = classes.get(type);
      Map<String, String> stubs = new LinkedHashMap<>();
      for (ClassModel.Method method : model.methods.values()) {
        if (!reachability.isReached(method)) {
          method.types.stream()
              .filter(result.dropped::contains)
              .sorted() // the same message on every build
              .findFirst()
              .ifPresent(missing -> stubs.put(method.key(), missing));
        }
      }
      stubs.forEach(
          (method, missing) -> result.stubbed.add(type + "." + method + " names " + missing));
      boolean listsDropped = model.listedNestedClasses.stream().anyMatch(result.dropped::contains);
      if (!stubs.isEmpty() || listsDropped) {
        bytes = ClassRewriter.rewrite(bytes, stubs, result.dropped);
        Files.write(entry.getValue(), bytes);
        result.rewritten++;
      }
      stats.classesAfter++;
      stats.bytesAfter += deflatedSize(bytes);
    }
    for (Map.Entry<String, List<String>> service : services.entrySet()) {
      String type = service.getKey();
      if (classes.containsKey(type) && !reachability.isNeeded(type)) {
        // Nothing left in the jar can ask for this service.
        Files.delete(dir.resolve("META-INF/services/" + dotted(type)));
        result.droppedServices.add(type);
      }
    }
    System.out.print(result.summary());
    if (options.report != null) {
      writeReport(result, reachability, library);
    }
    return result;
  }

  private void readClasses() throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        String relative = dir.relativize(path).toString().replace('\\', '/');
        if (relative.endsWith(".class")
            && !relative.startsWith("META-INF/")
            && !relative.endsWith("module-info.class")) {
          ClassModel model = ClassModel.read(Files.readAllBytes(path));
          require(
              model.name.equals(relative.substring(0, relative.length() - ".class".length())),
              relative + " declares " + model.name);
          files.put(model.name, path);
          classes.put(model.name, model);
        }
      }
    }
    require(
        classes.keySet().stream().anyMatch(type -> type.startsWith(options.pruneUnder)),
        "--prune-under " + options.pruneUnder + ": no class there");
  }

  private Map<String, List<String>> readServices() throws IOException {
    Map<String, List<String>> services = new TreeMap<>();
    Path servicesDir = dir.resolve("META-INF/services");
    if (!Files.isDirectory(servicesDir)) {
      return services;
    }
    try (Stream<Path> list = Files.list(servicesDir)) {
      for (Path file : (Iterable<Path>) list::iterator) {
        List<String> providers = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String provider = line.replaceAll("#.*", "").trim().replace('.', '/');
          if (!provider.isEmpty()) {
            require(
                classes.containsKey(provider),
                "service file " + file.getFileName() + " names " + dotted(provider) + ": missing");
            providers.add(provider);
          }
        }
        services.put(file.getFileName().toString().replace('.', '/'), providers);
      }
    }
    return services;
  }

  private List<String> matching(String glob, String option) {
    List<String> matches = new ArrayList<>();
    if (glob.endsWith("/**")) {
      String prefix = glob.substring(0, glob.length() - 2);
      classes.keySet().stream().filter(type -> type.startsWith(prefix)).forEach(matches::add);
    } else if (classes.containsKey(glob)) {
      matches.add(glob);
    }
    require(!matches.isEmpty(), option + " " + dotted(glob) + ": matches no class");
    return matches;
  }

  private void writeReport(Result result, Reachability reachability, LibraryTypes library)
      throws IOException {
    Files.createDirectories(options.report.toAbsolutePath().getParent());
    try (PrintWriter out =
        new PrintWriter(Files.newBufferedWriter(options.report, StandardCharsets.UTF_8))) {
      out.print(result.summary());
      out.println();
      out.println("# Replaced method bodies (unreachable, naming a dropped class)");
      result.stubbed.forEach(out::println);
      out.println();
      out.println("# Supertypes of kept classes found nowhere (such classes can never load)");
      new TreeSet<>(library.missing()).forEach(out::println);
      out.println();
      out.println("# Dropped service files (service type dropped)");
      result.droppedServices.forEach(type -> out.println(dotted(type)));
      out.println();
      out.println("# Dropped classes");
      result.dropped.forEach(out::println);
      out.println();
      out.println(
          "# Kept classes under " + options.pruneUnder + ", each with what first needed it");
      for (String type : classes.keySet()) {
        if (type.startsWith(options.pruneUnder) && reachability.isNeeded(type)) {
          out.println(type + " <- " + reachability.whyNeeded(type));
        }
      }
    }
  }

  private static int deflatedSize(byte[] bytes) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
      deflater.setInput(bytes);
      deflater.finish();
      byte[] buffer = new byte[8192];
      int size = 0;
      while (!deflater.finished()) {
        size += deflater.deflate(buffer);
      }
      return size;
    } finally {
      deflater.end();
    }
  }

  static String dotted(String type) {
    return type.replace('/', '.');
  }

  static void require(boolean condition, String message) {
    if (!condition) {
      throw new ShrinkException(message);
    }
  }

  /** What a run did, by library (package root) and in detail. */
  static final class Result {
    final Map<String, Library> libraries = new TreeMap<>();
    final TreeSet<String> dropped = new TreeSet<>();
    final TreeSet<String> stubbed = new TreeSet<>();
    final TreeSet<String> droppedServices = new TreeSet<>();
    final int reachedMethods;
    int rewritten;

    Result(Reachability reachability) {
      this.reachedMethods = reachability.reachedMethods();
    }

    static final class Library {
      int classesBefore;
      int classesAfter;
      long bytesBefore;
      long bytesAfter;
    }

    Library library(String type) {
      return libraries.computeIfAbsent(libraryOf(type), k -> new Library());
    }

    /** Two package levels ({@code io/grpc}), three under com and org ({@code com/google/gson}). */
    static String libraryOf(String type) {
      String[] parts = type.split("/");
      int shaded = type.startsWith("dev/weft/shaded/") ? 3 : 0;
      int depth = parts[shaded].equals("com") || parts[shaded].equals("org") ? 3 : 2;
      int end = Math.min(shaded + depth, parts.length - 1);
      return String.join("/", Arrays.copyOfRange(parts, shaded, Math.max(end, shaded + 1)));
    }

    String summary() {
      StringBuilder out = new StringBuilder();
      out.append(
          String.format("%-22s %15s %23s%n", "library", "classes kept", "deflated bytes kept"));
      long before = 0;
      long after = 0;
      for (Map.Entry<String, Library> entry : libraries.entrySet()) {
        Library library = entry.getValue();
        out.append(
            String.format(
                "%-22s %6d of %5d %11d of %9d%n",
                entry.getKey(),
                library.classesAfter,
                library.classesBefore,
                library.bytesAfter,
                library.bytesBefore));
        before += library.bytesBefore;
        after += library.bytesAfter;
      }
      out.append(
          String.format(
              "dropped %d classes (%d deflated bytes); %d methods reachable; %d classes"
                  + " rewritten, %d method bodies replaced%n",
              dropped.size(), before - after, reachedMethods, rewritten, stubbed.size()));
      return out.toString();
    }
  }
}
