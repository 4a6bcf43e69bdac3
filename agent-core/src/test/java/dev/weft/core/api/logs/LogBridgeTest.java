package dev.weft.core.api.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.bootstrap.context.Context;
import dev.weft.bootstrap.context.Scope;
import dev.weft.core.api.GlobalTelemetry;
import dev.weft.core.api.Suppression;
import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.api.trace.TraceState;
import dev.weft.core.config.ConfigProperties;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogBridgeTest {

  private static final Logger ENABLED =
      new Logger() {
        @Override
        public boolean isEnabled() {
          return true;
        }

        @Override
        public LogRecordBuilder logRecordBuilder() {
          return LoggerProviders.noop().get("").logRecordBuilder();
        }
      };

  @AfterEach
  void restore() {
    GlobalTelemetry.setLoggerProvider(LoggerProviders.noop());
  }

  @Test
  void nothingIsEmittedBeforeAnSdkRegisters() {
    assertThat(LogBridge.loggerFor("com.example.Orders")).isNull();
    assertThat(LoggerProviders.noop().get("x").isEnabled()).isFalse();
  }

  @Test
  void applicationLoggersEmitWhenLogsAreOn() {
    GlobalTelemetry.setLoggerProvider(name -> ENABLED);

    assertThat(LogBridge.loggerFor("com.example.Orders")).isSameAs(ENABLED);
    assertThat(LogBridge.loggerFor(null)).isSameAs(ENABLED);
  }

  @Test
  void weftsOwnRelocatedLibrariesAndSuppressedContextsNeverFeedThePipeline() {
    GlobalTelemetry.setLoggerProvider(name -> ENABLED);

    assertThat(LogBridge.loggerFor("dev.weft.shaded.io.grpc.internal.ManagedChannelImpl")).isNull();
    try (Scope ignored = Suppression.suppress(Context.root()).makeCurrent()) {
      assertThat(LogBridge.loggerFor("com.example.Orders")).isNull();
    }
  }

  @Test
  void noopBuildersAcceptEverything() {
    LoggerProviders.noop()
        .get("x")
        .logRecordBuilder()
        .setBody("b")
        .setAttribute(AttributeKey.stringKey("k"), "v")
        .setException(new RuntimeException())
        .emit();
  }

  @Test
  void mdcKeysAreConfigurableWithTheOfficialKeys() {
    TraceContextKeys defaults = TraceContextKeys.read(config(Map.of()));
    TraceContextKeys renamed =
        TraceContextKeys.read(
            config(
                Map.of(
                    "otel.instrumentation.common.logging.trace-id", "tid",
                    "otel.instrumentation.common.logging.span-id-key", "sid")));

    assertThat(defaults.traceId()).isEqualTo("trace_id");
    assertThat(defaults.spanId()).isEqualTo("span_id");
    assertThat(defaults.traceFlags()).isEqualTo("trace_flags");
    assertThat(renamed.traceId()).isEqualTo("tid");
    assertThat(renamed.spanId()).isEqualTo("sid");
    SpanContext sampled = SpanContext.create(1, 2, 3, (byte) 1, TraceState.empty());
    assertThat(TraceContextKeys.flagsHex(sampled)).isEqualTo("01");
  }

  @Test
  void bridgeSettingsUseTheOfficialKeys() {
    LogBridgeSettings settings =
        LogBridgeSettings.read(
            config(
                Map.of(
                    "otel.instrumentation.logback-appender.experimental-log-attributes", "true",
                    "otel.instrumentation.logback-appender.experimental.capture-mdc-attributes",
                        "user,tenant")),
            "logback-appender");

    assertThat(settings.threadAttributes()).isTrue();
    assertThat(settings.codeAttributes()).isFalse();
    assertThat(settings.capturesMdcKey("tenant")).isTrue();
    assertThat(settings.capturesMdcKey("other")).isFalse();
    assertThat(
            LogBridgeSettings.read(
                    config(
                        Map.of(
                            "otel.instrumentation.log4j-appender.experimental.capture-mdc-attributes",
                            "*")),
                    "log4j-appender")
                .capturesMdcKey("anything"))
        .isTrue();
  }

  private static ConfigProperties config(Map<String, String> values) {
    return ConfigProperties.create(values, Map.of(), Map.of());
  }
}
