package dev.weft.instrumentation.logback.appender.v1_0;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.weft.core.api.logs.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogbackBridgeTest {

  @ParameterizedTest
  @CsvSource({"TRACE, TRACE", "DEBUG, DEBUG", "INFO, INFO", "WARN, WARN", "ERROR, ERROR"})
  void severityFollowsTheSpecification(String level, Severity expected) {
    assertThat(LogbackBridge.severity(Level.toLevel(level).toInt())).isEqualTo(expected);
  }
}
