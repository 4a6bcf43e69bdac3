package dev.weft.core.api.semconv.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForwardedHeadersTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "for=192.0.2.60;proto=http;by=203.0.113.43 | for | 192.0.2.60",
        "for=192.0.2.60;proto=http;by=203.0.113.43 | proto | http",
        "For=\"[2001:db8:cafe::17]:4711\" | for | [2001:db8:cafe::17]:4711",
        "for=192.0.2.43, for=198.51.100.17 | for | 192.0.2.43",
        "proto=https, for=198.51.100.17 | for | null",
        "for=a; host=\"x.example:81\" | host | x.example:81",
        "for=\"a,b\";host=h | host | h",
        "host= | host | ''",
        "nope | for | null",
        "xfor=1;for=2 | for | 2",
      })
  void readsParametersOfTheFirstElement(String header, String name, String expected) {
    assertThat(ForwardedHeaders.forwardedParameter(header, name)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "192.0.2.1 | 192.0.2.1",
        "192.0.2.1:8080 | 192.0.2.1",
        "[2001:db8::1]:8080 | 2001:db8::1",
        "[2001:db8::1] | 2001:db8::1",
        "2001:db8::1 | 2001:db8::1",
        "example.com:443 | example.com",
        "example.com | example.com",
        "[] | null",
        ":80 | null",
        "'' | null",
        "null | null",
      })
  void extractsAddresses(String node, String expected) {
    assertThat(ForwardedHeaders.address(node)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "example.com:8080 | 8080",
        "example.com | -1",
        "[::1]:9000 | 9000",
        "[::1] | -1",
        "2001:db8::1 | -1",
        "h:0 | 0",
        "h:65535 | 65535",
        "h:65536 | -1",
        "h:123456 | -1",
        "h:8o | -1",
        "h: | -1",
        "null | -1",
      })
  void extractsPorts(String hostAndPort, int expected) {
    assertThat(ForwardedHeaders.port(hostAndPort)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "203.0.113.7, 10.0.0.1 | 203.0.113.7",
        " 203.0.113.7 | 203.0.113.7",
        "', 10.0.0.1' | null",
        "null | null",
      })
  void takesTheFirstListEntry(String list, String expected) {
    assertThat(ForwardedHeaders.firstEntry(list)).isEqualTo(expected);
  }
}
