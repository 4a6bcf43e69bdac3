package dev.weft.smoketest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One span as the test-only {@code PrintingSdk} printed it on stderr. */
final class TestSpan {

  private static final Pattern LINE =
      Pattern.compile(
          "\\[weft-test-span] scope=(\\S+) trace=(\\p{XDigit}{32}) span=(\\p{XDigit}{16})"
              + " parent=(\\S+) kind=(\\S+) name=\"([^\"]*)\" status=(\\S+) exceptions=(\\d+)"
              + " attributes=\\{(.*)}");

  final String scope;
  final String traceId;
  final String spanId;
  final String parentId;
  final String kind;
  final String name;
  final String status;
  final int exceptions;
  final Map<String, String> attributes;

  private TestSpan(Matcher m) {
    scope = m.group(1);
    traceId = m.group(2);
    spanId = m.group(3);
    parentId = m.group(4);
    kind = m.group(5);
    name = m.group(6);
    status = m.group(7);
    exceptions = Integer.parseInt(m.group(8));
    attributes = parseAttributes(m.group(9));
  }

  /** Every printed span in {@code stderr}, in the order they ended. */
  static List<TestSpan> parse(String stderr) {
    List<TestSpan> spans = new ArrayList<>();
    for (String line : stderr.split("\\R")) {
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        spans.add(new TestSpan(m));
      }
    }
    return Collections.unmodifiableList(spans);
  }

  /** The instrumentation name: the scope without {@code io.opentelemetry.}. */
  String instrumentation() {
    return scope.startsWith("io.opentelemetry.") ? scope.substring(17) : scope;
  }

  String attribute(String key) {
    return attributes.get(key);
  }

  // Attribute values in these tests contain no ", " (URLs, addresses, user agents, codes).
  private static Map<String, String> parseAttributes(String text) {
    Map<String, String> result = new LinkedHashMap<>();
    if (text.isEmpty()) {
      return result;
    }
    for (String pair : text.split(", ")) {
      int eq = pair.indexOf('=');
      result.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return result;
  }

  @Override
  public String toString() {
    return kind
        + " \""
        + name
        + "\" "
        + instrumentation()
        + " "
        + traceId
        + "/"
        + spanId
        + "<-"
        + parentId
        + " "
        + status
        + " "
        + attributes;
  }
}
