package dev.weft.core.api.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.config.ConfigProperties;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogBridgeSettingsTest {

  private static final String PREFIX = "otel.instrumentation.logback-appender.experimental.";

  @Test
  void nothingIsCapturedByDefault() {
    LogBridgeSettings settings = settings();
    assertThat(settings.capturesMdc()).isFalse();
    assertThat(settings.capturesMdcKey("user")).isFalse();
    assertThat(settings.threadAttributes()).isFalse();
    assertThat(settings.codeAttributes()).isFalse();
  }

  @Test
  void captureMdcAttributesNamesKeysOrAll() {
    LogBridgeSettings named = settings(PREFIX + "capture-mdc-attributes", "user, tenant");
    assertThat(named.capturesMdc()).isTrue();
    assertThat(named.capturesMdcKey("user")).isTrue();
    assertThat(named.capturesMdcKey("tenant")).isTrue();
    assertThat(named.capturesMdcKey("users")).isFalse();
    assertThat(settings(PREFIX + "capture-mdc-attributes", "*").capturesMdcKey("any")).isTrue();
  }

  @Test
  void includedAndExcludedGlobsSelectKeys() {
    LogBridgeSettings settings =
        settings(
            PREFIX + "mdc-attributes.included",
            "app.*,user?id",
            PREFIX + "mdc-attributes.excluded",
            "app.secret*");
    assertThat(settings.capturesMdc()).isTrue();
    assertThat(settings.capturesMdcKey("app.region")).isTrue();
    assertThat(settings.capturesMdcKey("user_id")).isTrue();
    assertThat(settings.capturesMdcKey("userid")).isFalse();
    assertThat(settings.capturesMdcKey("app.secret.token")).isFalse();
    assertThat(settings.capturesMdcKey("apps")).isFalse();
    // A dot in a glob is literal, not "any character".
    assertThat(settings.capturesMdcKey("appXregion")).isFalse();
  }

  @Test
  void exclusionAlsoAppliesToNamedAndWildcardCapture() {
    LogBridgeSettings settings =
        settings(
            PREFIX + "capture-mdc-attributes", "*", PREFIX + "mdc-attributes.excluded", "password");
    assertThat(settings.capturesMdcKey("user")).isTrue();
    assertThat(settings.capturesMdcKey("password")).isFalse();
  }

  private static LogBridgeSettings settings(String... keysAndValues) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return LogBridgeSettings.read(
        ConfigProperties.create(values, Map.of(), Map.of()), "logback-appender");
  }
}
