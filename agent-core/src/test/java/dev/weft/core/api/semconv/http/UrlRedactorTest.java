package dev.weft.core.api.semconv.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlRedactorTest {

  private static final String[] DEFAULTS = HttpSettings.defaults().sensitiveQueryParameters.clone();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://user:pw@example.com/a | https://REDACTED:REDACTED@example.com/a",
        "https://user@example.com | https://REDACTED:REDACTED@example.com",
        "http://u:p@[::1]:8080/x?y=1 | http://REDACTED:REDACTED@[::1]:8080/x?y=1",
        "http://a@b:c@example.com/ | http://REDACTED:REDACTED@example.com/",
        "http://example.com/p@th | http://example.com/p@th",
        "http://example.com/?q=a@b | http://example.com/?q=a@b",
        "http://example.com/#frag@x | http://example.com/#frag@x",
        "http://h/p?sig=abc | http://h/p?sig=REDACTED",
        "http://h/p?a=1&Signature=abc&b=2 | http://h/p?a=1&Signature=REDACTED&b=2",
        "http://h/p?AWSAccessKeyId=k&X-Amz-Credential=c&X-Amz-Security-Token=t |"
            + " http://h/p?AWSAccessKeyId=REDACTED&X-Amz-Credential=REDACTED"
            + "&X-Amz-Security-Token=REDACTED",
        "http://h/p?X-Goog-Signature=g&X-Amz-Signature=s |"
            + " http://h/p?X-Goog-Signature=REDACTED&X-Amz-Signature=REDACTED",
        "http://h/p?sig= | http://h/p?sig=",
        "http://h/p?sig | http://h/p?sig",
        "http://h/p?SIG=abc | http://h/p?SIG=abc",
        "http://h/p?signature=abc | http://h/p?signature=abc",
        "http://h/p?xsig=1&sigx=2 | http://h/p?xsig=1&sigx=2",
        "http://h/p?sig=a=b&c=d | http://h/p?sig=REDACTED&c=d",
        "http://h/p?sig=abc#sig=frag | http://h/p?sig=REDACTED#sig=frag",
        "http://h/p#x?sig=abc | http://h/p#x?sig=abc",
        "http://h/p?&&sig=1&& | http://h/p?&&sig=REDACTED&&",
        "https://u:p@h/p?sig=1 | https://REDACTED:REDACTED@h/p?sig=REDACTED",
        "/relative/path?sig=1 | /relative/path?sig=REDACTED",
        "mailto:user@example.com | mailto:user@example.com",
      })
  void redactsCredentialsAndSensitiveValues(String url, String expected) {
    assertThat(UrlRedactor.redactUrl(url, DEFAULTS)).isEqualTo(expected);
  }

  @Test
  void returnsTheSameInstanceWhenNothingChanges() {
    String url = "https://example.com/a/b?c=d&e=f#g";

    assertThat(UrlRedactor.redactUrl(url, DEFAULTS)).isSameAs(url);
    assertThat(UrlRedactor.redactQuery("c=d", DEFAULTS)).isSameAs("c=d");
  }

  @Test
  void withoutSensitiveParametersOnlyCredentialsAreRedacted() {
    assertThat(UrlRedactor.redactUrl("http://u:p@h/?sig=1", new String[0]))
        .isEqualTo("http://REDACTED:REDACTED@h/?sig=1");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a=1 | a=1",
        "sig=1 | sig=REDACTED",
        "a=1&sig=2&sig=3 | a=1&sig=REDACTED&sig=REDACTED",
        "sig | sig",
      })
  void redactsQueries(String query, String expected) {
    assertThat(UrlRedactor.redactQuery(query, DEFAULTS)).isEqualTo(expected);
  }

  @Test
  void nullStaysNull() {
    assertThat(UrlRedactor.redactUrl(null, DEFAULTS)).isNull();
    assertThat(UrlRedactor.redactQuery(null, DEFAULTS)).isNull();
  }
}
