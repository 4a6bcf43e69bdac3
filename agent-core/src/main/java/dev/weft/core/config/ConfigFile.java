package dev.weft.core.config;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/** Loads the {@code otel.javaagent.configuration-file} properties file, warning when it cannot. */
final class ConfigFile {

  static final String KEY = "otel.javaagent.configuration-file";

  private ConfigFile() {}

  /**
   * The file's entries, or an empty map (after one warning naming the path) when it is missing,
   * unreadable or malformed: a broken config file must never stop the application.
   */
  static Map<String, String> load(String configuredPath, String userHome, Consumer<String> warn) {
    String expanded = ConfigValues.expandHome(configuredPath, userHome);
    Properties properties = new Properties();
    try {
      Path path = Paths.get(expanded);
      // UTF-8, decoded leniently: a stray Latin-1 byte becomes U+FFFD instead of losing the file.
      try (Reader reader =
          new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
    } catch (IOException | IllegalArgumentException e) {
      // IllegalArgumentException: an InvalidPathException, or a malformed unicode escape.
      warn.accept(
          "Cannot read configuration file '"
              + expanded
              + "' ("
              + KEY
              + "): "
              + describe(e)
              + "; continuing without it");
      return Collections.emptyMap();
    }
    Map<String, String> result = new HashMap<>();
    for (String name : properties.stringPropertyNames()) {
      result.put(name, properties.getProperty(name));
    }
    return Collections.unmodifiableMap(result);
  }

  private static String describe(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "access denied";
    }
    // A FileSystemException's message repeats the path we already print.
    String message =
        e instanceof FileSystemException ? ((FileSystemException) e).getReason() : e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
