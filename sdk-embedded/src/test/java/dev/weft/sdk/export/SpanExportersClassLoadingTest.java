package dev.weft.sdk.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.net.URL;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JVM that exports over HTTP must never load gRPC. Each case runs Weft in a fresh class loader
 * that defines every non-JDK class itself and records its name, then inspects what was loaded.
 */
class SpanExportersClassLoadingTest {

  @Test
  void httpProtobufExportNeverLoadsGrpc() throws Exception {
    RecordingLoader loader = new RecordingLoader();

    Object exporter = createAndExport(loader, "http/protobuf");

    assertThat(exporter.toString()).startsWith("otlp http/protobuf http://127.0.0.1:");
    assertThat(loader.loaded).contains("dev.weft.sdk.export.otlp.OtlpSpanExporter");
    assertThat(loader.loaded)
        .noneMatch(name -> name.startsWith("io.grpc."))
        .noneMatch(name -> name.contains("Grpc"))
        .noneMatch(name -> name.startsWith("okio.") || name.startsWith("kotlin."));
  }

  @Test
  void grpcExportLoadsGrpcAsAControl() throws Exception {
    RecordingLoader loader = new RecordingLoader();

    Object exporter = createAndExport(loader, "grpc");

    assertThat(exporter.toString()).startsWith("otlp grpc http://127.0.0.1:");
    assertThat(loader.loaded)
        .contains(
            "dev.weft.sdk.export.otlp.OtlpGrpcSpanExporter", "io.grpc.okhttp.OkHttpChannelBuilder");
  }

  @Test
  void httpProtobufLogExporterNeverLoadsGrpc() throws Exception {
    RecordingLoader loader = new RecordingLoader();

    Object exporter = createLogExporter(loader, "http/protobuf");

    assertThat(exporter.toString()).startsWith("otlp http/protobuf http://127.0.0.1:");
    assertThat(loader.loaded).contains("dev.weft.sdk.export.otlp.OtlpLogRecordExporter");
    assertThat(loader.loaded)
        .noneMatch(name -> name.startsWith("io.grpc."))
        .noneMatch(name -> name.contains("Grpc"));
  }

  @Test
  void grpcLogExporterLoadsGrpcAsAControl() throws Exception {
    RecordingLoader loader = new RecordingLoader();

    createLogExporter(loader, "grpc");

    assertThat(loader.loaded).contains("dev.weft.sdk.export.otlp.OtlpGrpcLogRecordExporter");
  }

  /** LogRecordExporters.create for {@code protocol} (the logs key), then an empty export. */
  private static Object createLogExporter(ClassLoader loader, String protocol) throws Exception {
    Map<String, String> properties =
        Map.of(
            "otel.exporter.otlp.logs.protocol",
            protocol,
            "otel.exporter.otlp.endpoint",
            "http://127.0.0.1:9",
            "otel.javaagent.logging",
            "none");
    Class<?> configType = loader.loadClass("dev.weft.core.config.ConfigProperties");
    Class<?> settingsType = loader.loadClass("dev.weft.core.config.AgentSettings");
    Object config =
        configType
            .getMethod("create", Map.class, Map.class, Map.class)
            .invoke(null, properties, Map.of(), Map.of());
    Object settings = settingsType.getMethod("read", configType).invoke(null, config);
    Object exporter =
        loader
            .loadClass("dev.weft.sdk.export.LogRecordExporters")
            .getMethod("create", configType, settingsType)
            .invoke(null, config, settings);
    loader
        .loadClass("dev.weft.sdk.logs.export.LogRecordExporter")
        .getMethod("export", Collection.class, long.class)
        .invoke(exporter, List.of(), TimeUnit.SECONDS.toNanos(1));
    return exporter;
  }

  /** SpanExporters.create for {@code protocol}, then one export to a closed port. */
  private static Object createAndExport(ClassLoader loader, String protocol) throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Map<String, String> properties =
        Map.of(
            "otel.exporter.otlp.protocol",
            protocol,
            "otel.exporter.otlp.endpoint",
            "http://127.0.0.1:" + closedPort,
            "otel.java.exporter.otlp.retry.disabled",
            "true",
            "otel.javaagent.logging",
            "none");
    Class<?> configType = loader.loadClass("dev.weft.core.config.ConfigProperties");
    Class<?> settingsType = loader.loadClass("dev.weft.core.config.AgentSettings");
    Object config =
        configType
            .getMethod("create", Map.class, Map.class, Map.class)
            .invoke(null, properties, Map.of(), Map.of());
    Object settings = settingsType.getMethod("read", configType).invoke(null, config);
    settingsType.getMethod("applyLogLevel").invoke(settings);
    Object exporter =
        loader
            .loadClass("dev.weft.sdk.export.SpanExporters")
            .getMethod("create", configType, settingsType)
            .invoke(null, config, settings);
    Object span =
        loader
            .loadClass(TestSpan.class.getName())
            .getMethod("named", String.class)
            .invoke(null, "s");
    Method export =
        loader
            .loadClass("dev.weft.sdk.trace.export.SpanExporter")
            .getMethod("export", Collection.class, long.class);
    Object result = export.invoke(exporter, List.of(span), TimeUnit.SECONDS.toNanos(5));
    assertThat(result).hasToString("FAILURE"); // nobody listens; what matters is what loaded
    return exporter;
  }

  /** Child of the platform loader: defines every class outside the JDK from the test class path. */
  static final class RecordingLoader extends ClassLoader {
    final Set<String> loaded = ConcurrentHashMap.newKeySet();
    private final ClassLoader source = SpanExportersClassLoadingTest.class.getClassLoader();

    RecordingLoader() {
      super("recording", ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        Class<?> type = findLoadedClass(name);
        if (type == null) {
          type = isJdk(name) ? getParent().loadClass(name) : define(name);
        }
        if (resolve) {
          resolveClass(type);
        }
        return type;
      }
    }

    private Class<?> define(String name) throws ClassNotFoundException {
      try (InputStream in = source.getResourceAsStream(name.replace('.', '/') + ".class")) {
        if (in == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] bytes = in.readAllBytes();
        loaded.add(name);
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }

    @Override
    public URL getResource(String name) {
      return source.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      return source.getResources(name); // ServiceLoader files and weft-version.properties
    }

    private static boolean isJdk(String name) {
      return name.startsWith("java.")
          || name.startsWith("javax.")
          || name.startsWith("jdk.")
          || name.startsWith("sun.")
          || name.startsWith("com.sun.");
    }
  }
}
