package dev.weft.sdk.export.prometheus;

import dev.weft.core.api.common.Attributes;
import dev.weft.sdk.common.InstrumentationScope;
import dev.weft.sdk.metrics.data.HistogramPointData;
import dev.weft.sdk.metrics.data.MetricData;
import dev.weft.sdk.metrics.data.MetricType;
import dev.weft.sdk.metrics.data.NumberPointData;
import dev.weft.sdk.metrics.data.PointData;
import dev.weft.sdk.resources.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes metrics in the Prometheus text exposition format (0.0.4) by the
 * OpenTelemetry-to-Prometheus compatibility rules: names and label keys sanitized to {@code
 * [a-zA-Z0-9_:]}, the unit appended as a word ({@code s} → {@code _seconds}, {@code By} → {@code
 * _bytes}, {@code {request}} dropped, {@code 1} on gauges → {@code _ratio}), {@code _total} on
 * monotonic sums, non-monotonic sums as gauges, histograms as cumulative {@code _bucket{le=...}},
 * {@code _sum}, {@code _count}; every sample carries {@code otel_scope_name} (and {@code
 * otel_scope_version}); the resource becomes one {@code target_info} sample. Exponential histograms
 * have no text form and are left out.
 */
final class PrometheusText {

  private PrometheusText() {}

  static String write(List<MetricData> metrics) {
    StringBuilder out = new StringBuilder(4096);
    Resource resource = null;
    Map<String, List<MetricData>> byName = new LinkedHashMap<>();
    for (MetricData metric : metrics) {
      resource = resource == null ? metric.resource() : resource;
      if (metric.type() == MetricType.EXPONENTIAL_HISTOGRAM) {
        continue;
      }
      byName.computeIfAbsent(metricName(metric), k -> new ArrayList<>()).add(metric);
    }
    if (resource != null && !resource.attributes().isEmpty()) {
      out.append("# HELP target_info Target metadata\n# TYPE target_info gauge\ntarget_info");
      labels(out, resource.attributes(), null, null, null);
      out.append(" 1\n");
    }
    for (Map.Entry<String, List<MetricData>> entry : byName.entrySet()) {
      String name = entry.getKey();
      MetricData first = entry.getValue().get(0);
      if (!first.description().isEmpty()) {
        out.append("# HELP ").append(name).append(' ');
        escapeHelp(out, first.description());
        out.append('\n');
      }
      out.append("# TYPE ").append(name).append(' ').append(typeOf(first)).append('\n');
      for (MetricData metric : entry.getValue()) {
        for (PointData point : metric.points()) {
          if (metric.type() == MetricType.HISTOGRAM) {
            histogram(out, name, metric.scope(), (HistogramPointData) point);
          } else {
            NumberPointData number = (NumberPointData) point;
            out.append(name);
            labels(out, point.attributes(), metric.scope(), null, null);
            out.append(' ');
            if (metric.type().isLong()) {
              out.append(number.longValue());
            } else {
              number(out, number.doubleValue());
            }
            out.append('\n');
          }
        }
      }
    }
    return out.toString();
  }

  private static void histogram(
      StringBuilder out, String name, InstrumentationScope scope, HistogramPointData point) {
    long cumulative = 0;
    long[] counts = point.counts();
    double[] bounds = point.boundaries();
    for (int i = 0; i < counts.length; i++) {
      cumulative += counts[i];
      out.append(name).append("_bucket");
      String le = i < bounds.length ? formatDouble(bounds[i]) : "+Inf";
      labels(out, point.attributes(), scope, "le", le);
      out.append(' ').append(cumulative).append('\n');
    }
    out.append(name).append("_sum");
    labels(out, point.attributes(), scope, null, null);
    out.append(' ');
    number(out, point.sum());
    out.append('\n');
    out.append(name).append("_count");
    labels(out, point.attributes(), scope, null, null);
    out.append(' ').append(point.count()).append('\n');
  }

  private static String typeOf(MetricData metric) {
    if (metric.type() == MetricType.HISTOGRAM) {
      return "histogram";
    }
    return metric.type().isSum() && metric.isMonotonic() ? "counter" : "gauge";
  }

  // Visible for testing.
  static String metricName(MetricData metric) {
    StringBuilder name = new StringBuilder(sanitize(metric.name(), true));
    String unit = unitWord(metric.unit(), metric.type().isGauge());
    if (!unit.isEmpty() && !name.toString().endsWith("_" + unit)) {
      name.append('_').append(unit);
    }
    if (metric.type().isSum() && metric.isMonotonic() && !name.toString().endsWith("_total")) {
      name.append("_total");
    }
    return name.toString();
  }

  /** The unit as Prometheus words: {@code By/s} → {@code bytes_per_second}; annotations dropped. */
  static String unitWord(String unit, boolean gauge) {
    if (unit == null || unit.isEmpty()) {
      return "";
    }
    String stripped = unit.replaceAll("\\{[^}]*\\}", "");
    if (stripped.isEmpty()) {
      return "";
    }
    if (stripped.equals("1")) {
      return gauge ? "ratio" : "";
    }
    int slash = stripped.indexOf('/');
    if (slash >= 0) {
      String per = perUnit(stripped.substring(slash + 1));
      String main = mainUnit(stripped.substring(0, slash));
      return sanitize(main.isEmpty() ? "per_" + per : main + "_per_" + per, false);
    }
    return sanitize(mainUnit(stripped), false);
  }

  private static String mainUnit(String unit) {
    switch (unit) {
      case "d":
        return "days";
      case "h":
        return "hours";
      case "min":
        return "minutes";
      case "s":
        return "seconds";
      case "ms":
        return "milliseconds";
      case "us":
        return "microseconds";
      case "ns":
        return "nanoseconds";
      case "By":
        return "bytes";
      case "KiBy":
        return "kibibytes";
      case "MiBy":
        return "mebibytes";
      case "GiBy":
        return "gibibytes";
      case "KBy":
        return "kilobytes";
      case "MBy":
        return "megabytes";
      case "GBy":
        return "gigabytes";
      case "m":
        return "meters";
      case "V":
        return "volts";
      case "A":
        return "amperes";
      case "J":
        return "joules";
      case "W":
        return "watts";
      case "g":
        return "grams";
      case "Cel":
        return "celsius";
      case "Hz":
        return "hertz";
      case "%":
        return "percent";
      default:
        return unit;
    }
  }

  private static String perUnit(String unit) {
    switch (unit) {
      case "s":
        return "second";
      case "m":
        return "minute";
      case "h":
        return "hour";
      case "d":
        return "day";
      case "w":
        return "week";
      case "mo":
        return "month";
      case "y":
        return "year";
      default:
        return unit;
    }
  }

  /** Invalid characters become {@code _}, runs of {@code _} collapse; no leading digit. */
  static String sanitize(String name, boolean allowColon) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean valid =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || (allowColon && c == ':');
      char next = valid ? c : '_';
      if (next == '_' && out.length() > 0 && out.charAt(out.length() - 1) == '_') {
        continue;
      }
      out.append(next);
    }
    if (out.length() > 0 && Character.isDigit(out.charAt(0))) {
      out.insert(0, '_');
    }
    return out.toString();
  }

  private static void labels(
      StringBuilder out,
      Attributes attributes,
      InstrumentationScope scope,
      String extraKey,
      String extraValue) {
    out.append('{');
    boolean first = true;
    for (int i = 0; i < attributes.size(); i++) {
      first =
          label(
              out,
              first,
              sanitize(attributes.keyAt(i).name(), false),
              valueOf(attributes.valueAt(i)));
    }
    if (scope != null) {
      first = label(out, first, "otel_scope_name", scope.name());
      if (scope.version() != null && !scope.version().isEmpty()) {
        first = label(out, first, "otel_scope_version", scope.version());
      }
    }
    if (extraKey != null) {
      label(out, first, extraKey, extraValue);
    }
    out.append('}');
  }

  private static boolean label(StringBuilder out, boolean first, String key, String value) {
    if (!first) {
      out.append(',');
    }
    out.append(key).append("=\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '"') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else {
        out.append(c);
      }
    }
    out.append('"');
    return false;
  }

  private static String valueOf(Object value) {
    if (value instanceof List) {
      StringBuilder out = new StringBuilder("[");
      List<?> list = (List<?>) value;
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ",").append('"').append(list.get(i)).append('"');
      }
      return out.append(']').toString();
    }
    return String.valueOf(value);
  }

  private static void escapeHelp(StringBuilder out, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        out.append("\\\\");
      } else if (c == '\n') {
        out.append("\\n");
      } else {
        out.append(c);
      }
    }
  }

  private static void number(StringBuilder out, double value) {
    out.append(formatDouble(value));
  }

  private static String formatDouble(double value) {
    if (value == Double.POSITIVE_INFINITY) {
      return "+Inf";
    }
    if (value == Double.NEGATIVE_INFINITY) {
      return "-Inf";
    }
    if (Double.isNaN(value)) {
      return "NaN";
    }
    return Double.toString(value);
  }
}
