package dev.weft.instrumentation.log4j.appender.v2_17;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.api.logs.Severity;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Log4jBridgeTest {

  @ParameterizedTest
  @CsvSource({
    "TRACE, TRACE",
    "DEBUG, DEBUG",
    "INFO, INFO",
    "WARN, WARN",
    "ERROR, ERROR",
    "FATAL, FATAL",
    "OFF, UNDEFINED_SEVERITY_NUMBER"
  })
  void severityFollowsTheSpecification(String level, Severity expected) {
    assertThat(Log4jBridge.severity(Level.getLevel(level).intLevel())).isEqualTo(expected);
  }
}
