package dev.weft.sdk.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.sdk.export.SpanExportersClassLoadingTest.RecordingLoader;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** As for spans: a JVM exporting metrics over HTTP never loads gRPC. */
class MetricReadersClassLoadingTest {

  @Test
  void httpProtobufMetricExportNeverLoadsGrpc() throws Exception {
    RecordingLoader loader = new RecordingLoader();

    String readers = createExportAndShutdown(loader, "http/protobuf");

    assertThat(readers).startsWith("[otlp http/protobuf http://127.0.0.1:");
    assertThat(loader.loaded)
        .contains(
            "dev.weft.sdk.export.otlp.OtlpMetricExporter",
            "dev.weft.sdk.export.otlp.OtlpMetricEncoder");
    assertThat(loader.loaded)
        .noneMatch(name -> name.startsWith("io.grpc."))
        .noneMatch(name -> name.contains("Grpc"))
        .noneMatch(name -> name.startsWith("okio.") || name.startsWith("kotlin."));
  }

  @Test
  void grpcMetricExportLoadsGrpcAsAControl() throws Exception {
    RecordingLoader loader = new RecordingLoader();

    String readers = createExportAndShutdown(loader, "grpc");

    assertThat(readers).startsWith("[otlp grpc http://127.0.0.1:");
    assertThat(loader.loaded)
        .contains(
            "dev.weft.sdk.export.otlp.OtlpGrpcMetricExporter",
            "io.grpc.okhttp.OkHttpChannelBuilder");
  }

  /**
   * MetricReaders.create for {@code protocol}, a provider with one counter, and its shutdown: one
   * final export to a closed port.
   */
  private static String createExportAndShutdown(ClassLoader loader, String protocol)
      throws Exception {
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
    Class<?> metricsConfigType = loader.loadClass("dev.weft.sdk.metrics.MetricsConfig");
    Class<?> resourceType = loader.loadClass("dev.weft.sdk.resources.Resource");
    Object config =
        configType
            .getMethod("create", Map.class, Map.class, Map.class)
            .invoke(null, properties, Map.of(), Map.of());
    Object settings = settingsType.getMethod("read", configType).invoke(null, config);
    settingsType.getMethod("applyLogLevel").invoke(settings);
    Object metricsConfig = metricsConfigType.getMethod("read", configType).invoke(null, config);
    List<?> readers =
        (List<?>)
            loader
                .loadClass("dev.weft.sdk.export.MetricReaders")
                .getMethod("create", configType, settingsType, metricsConfigType)
                .invoke(null, config, settings, metricsConfig);
    Class<?> providerType = loader.loadClass("dev.weft.sdk.metrics.SdkMeterProvider");
    Object provider =
        providerType
            .getMethod("create", resourceType, metricsConfigType, List.class)
            .invoke(null, resourceType.getMethod("empty").invoke(null), metricsConfig, readers);
    Object meter =
        providerType.getMethod("get", String.class, String.class).invoke(provider, "t", null);
    Object builder =
        loader
            .loadClass("dev.weft.core.api.metrics.Meter")
            .getMethod("instrument", String.class)
            .invoke(meter, "jobs");
    Object counter = builder.getClass().getMethod("longCounter").invoke(builder);
    loader
        .loadClass("dev.weft.core.api.metrics.LongCounter")
        .getMethod("add", long.class)
        .invoke(counter, 1L);
    Object complete =
        providerType
            .getMethod("shutdown", long.class, TimeUnit.class)
            .invoke(provider, 5L, TimeUnit.SECONDS);
    assertThat(complete).isEqualTo(false); // nobody listens; what matters is what loaded
    return readers.toString();
  }
}
