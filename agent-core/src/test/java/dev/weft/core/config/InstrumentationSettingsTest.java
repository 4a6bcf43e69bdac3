package dev.weft.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InstrumentationSettingsTest {

  private static final List<String> SERVLET = List.of("servlet", "servlet-3.0", "servlet-5.0");
  private static final List<String> MICROMETER = List.of("micrometer", "micrometer-1.5");

  private final TestConfig holder = TestConfig.empty();

  @Test
  void defaultOnModuleIsOnWhenNothingIsConfigured() {
    assertThat(enabled(SERVLET, true)).isTrue();
  }

  @Test
  void defaultOffModuleIsOffWhenNothingIsConfigured() {
    assertThat(enabled(MICROMETER, false)).isFalse();
  }

  @Test
  void disablingTheMainNameDisables() {
    holder.sysProp("otel.instrumentation.servlet.enabled", "false");
    assertThat(enabled(SERVLET, true)).isFalse();
  }

  @Test
  void disablingAnyAliasDisables() {
    holder.env("OTEL_INSTRUMENTATION_SERVLET_5_0_ENABLED", "false");
    assertThat(enabled(SERVLET, true)).isFalse();
  }

  @Test
  void disablingAnAliasWinsEvenWhenAnotherNameIsExplicitlyEnabled() {
    holder
        .sysProp("otel.instrumentation.servlet.enabled", "true")
        .sysProp("otel.instrumentation.servlet-3.0.enabled", "false");
    assertThat(enabled(SERVLET, true)).isFalse();
  }

  @Test
  void enablingTheMainNameEnablesADefaultOffModule() {
    holder.sysProp("otel.instrumentation.micrometer.enabled", "true");
    assertThat(enabled(MICROMETER, false)).isTrue();
  }

  @Test
  void enablingAnyAliasEnablesADefaultOffModule() {
    holder.env("OTEL_INSTRUMENTATION_MICROMETER_1_5_ENABLED", "true");
    assertThat(enabled(MICROMETER, false)).isTrue();
  }

  @Test
  void enablingAnAliasWinsEvenWhenAnotherNameIsExplicitlyDisabled() {
    holder
        .sysProp("otel.instrumentation.micrometer.enabled", "false")
        .sysProp("otel.instrumentation.micrometer-1.5.enabled", "true");
    assertThat(enabled(MICROMETER, false)).isTrue();
  }

  @Test
  void commonDefaultDisabledTurnsOffUnmentionedModules() {
    holder.sysProp("otel.instrumentation.common.default-enabled", "false");
    assertThat(enabled(SERVLET, true)).isFalse();
    assertThat(enabled(MICROMETER, false)).isFalse();
  }

  @Test
  void commonDefaultDisabledStillLoadsExplicitlyEnabledModulesByAnyName() {
    holder
        .env("OTEL_INSTRUMENTATION_COMMON_DEFAULT_ENABLED", "false")
        .sysProp("otel.instrumentation.servlet-3.0.enabled", "true")
        .sysProp("otel.instrumentation.micrometer.enabled", "true");
    assertThat(enabled(SERVLET, true)).isTrue();
    assertThat(enabled(MICROMETER, false)).isTrue();
  }

  @Test
  void explicitFalseIsRedundantWhenAlreadyOff() {
    holder
        .sysProp("otel.instrumentation.common.default-enabled", "false")
        .sysProp("otel.instrumentation.servlet.enabled", "false");
    assertThat(enabled(SERVLET, true)).isFalse();
  }

  @Test
  void explicitTrueIsRedundantWhenAlreadyOn() {
    holder.sysProp("otel.instrumentation.servlet.enabled", "true");
    assertThat(enabled(SERVLET, true)).isTrue();
  }

  @Test
  void invalidEnabledValueWarnsAndKeepsTheDefault() {
    holder.sysProp("otel.instrumentation.servlet-5.0.enabled", "off");
    assertThat(enabled(SERVLET, true)).isTrue();
    assertThat(holder.warnings)
        .containsExactly(
            "Invalid value 'off' for otel.instrumentation.servlet-5.0.enabled"
                + " (OTEL_INSTRUMENTATION_SERVLET_5_0_ENABLED): expected true or false;"
                + " using 'true'");
  }

  @Test
  void everyNameIsValidatedEvenAfterTheDecision() {
    holder
        .sysProp("otel.instrumentation.servlet.enabled", "false")
        .sysProp("otel.instrumentation.servlet-5.0.enabled", "nah");
    assertThat(enabled(SERVLET, true)).isFalse();
    assertThat(holder.warnings).singleElement().asString().contains("servlet-5.0");
  }

  @Test
  void enabledKeyFormat() {
    assertThat(InstrumentationSettings.enabledKey("jdbc-datasource"))
        .isEqualTo("otel.instrumentation.jdbc-datasource.enabled");
  }

  private boolean enabled(List<String> names, boolean moduleDefault) {
    return InstrumentationSettings.isModuleEnabled(holder.build(), names, moduleDefault);
  }
}
