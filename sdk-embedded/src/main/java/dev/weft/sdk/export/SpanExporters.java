package dev.weft.sdk.export;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.config.AgentSettings;
import dev.weft.core.config.ConfigProperties;
import dev.weft.sdk.export.console.ConsoleSpanExporter;
import dev.weft.sdk.export.otlp.OtlpExporterConfig;
import dev.weft.sdk.export.otlp.OtlpGrpcSpanExporter;
import dev.weft.sdk.export.otlp.OtlpSpanExporter;
import dev.weft.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.List;

/** Builds the span exporter that {@code otel.traces.exporter} names. */
public final class SpanExporters {

  private static final WeftLogger log = WeftLogger.get("exporter");

  private SpanExporters() {}

  /**
   * The exporter for {@code settings.tracesExporters()}: {@code otlp} (HTTP/protobuf or gRPC by
   * {@code otel.exporter.otlp[.traces].protocol}), {@code console} ({@code logging} is its alias),
   * {@code none} (a no-op); several names give a composite exporting to each. {@code logging-otlp}
   * and {@code zipkin} are not supported: one WARN each, then skipped. Nothing connects yet: the
   * network clients are created on the first export.
   */
  public static SpanExporter create(ConfigProperties config, AgentSettings settings) {
    List<SpanExporter> exporters = new ArrayList<>();
    for (String name : settings.tracesExporters()) {
      switch (name) {
        case "otlp":
          exporters.add(otlp(OtlpExporterConfig.forTraces(config, settings)));
          break;
        case "console":
        case "logging":
          exporters.add(ConsoleSpanExporter.create());
          break;
        case "none":
          break;
        default:
          log.warn(
              "otel.traces.exporter="
                  + name
                  + " is not supported by Weft; no spans are sent there (use otlp or console)");
      }
    }
    if (exporters.isEmpty()) {
      return NoopSpanExporter.INSTANCE;
    }
    return exporters.size() == 1 ? exporters.get(0) : new CompositeSpanExporter(exporters);
  }

  private static SpanExporter otlp(OtlpExporterConfig config) {
    if (config.protocol().equals(OtlpExporterConfig.GRPC)) {
      return grpc(config);
    }
    return OtlpSpanExporter.http(config);
  }

  // A method of its own, reached only for grpc: OtlpGrpcSpanExporter and io.grpc are resolved
  // when this call first executes, never when this class is loaded or verified (the declared
  // return type is the interface). SpanExportersClassLoadingTest holds us to it.
  private static SpanExporter grpc(OtlpExporterConfig config) {
    return OtlpGrpcSpanExporter.create(config);
  }
}
