package dev.weft.instrumentation.jul;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.api.logs.Severity;
import java.util.ListResourceBundle;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JulBridgeTest {

  @ParameterizedTest
  @CsvSource({
    "ALL, TRACE",
    "FINEST, TRACE",
    "FINER, DEBUG",
    "FINE, DEBUG2",
    "CONFIG, DEBUG3",
    "INFO, INFO",
    "WARNING, WARN",
    "SEVERE, ERROR",
    "OFF, FATAL"
  })
  void severityFollowsTheOfficialMapping(String level, Severity expected) {
    assertThat(JulBridge.severity(Level.parse(level).intValue())).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "plain                  | plain",
        "order {0} of {1}       | order 7 of x",
        "no placeholders here   | no placeholders here",
        "bad {0 pattern         | bad {0 pattern",
        "greeting               | hello 7"
      })
  void formatsLikeTheJdkFormatter(String message, String expected) {
    LogRecord record = new LogRecord(Level.INFO, message);
    record.setParameters(new Object[] {7, "x"});
    record.setResourceBundle(
        new ListResourceBundle() {
          @Override
          protected Object[][] getContents() {
            return new Object[][] {{"greeting", "hello {0}"}};
          }
        });

    assertThat(JulBridge.formatMessage(record)).isEqualTo(expected);
    assertThat(JulBridge.formatMessage(record))
        .isEqualTo(new SimpleFormatter().formatMessage(record));
  }
}
