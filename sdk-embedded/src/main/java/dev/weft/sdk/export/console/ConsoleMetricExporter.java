package dev.weft.sdk.export.console;

import dev.weft.sdk.metrics.data.HistogramPointData;
import dev.weft.sdk.metrics.data.MetricData;
import dev.weft.sdk.metrics.data.NumberPointData;
import dev.weft.sdk.metrics.data.PointData;
import dev.weft.sdk.metrics.export.MetricExporter;
import dev.weft.sdk.trace.export.ExportResult;
import java.io.PrintStream;
import java.util.Collection;

/**
 * {@code otel.metrics.exporter=console} (alias {@code logging}): one line per point on standard
 * error, cumulative, for trying Weft out:
 *
 * <pre>
 * [weft] metric jvm.memory.used By {jvm.memory.pool.name=G1 Eden Space, ...} 25165824
 * [weft] metric http.server.request.duration s {http.request.method=GET, ...} count=3 sum=0.0123
 * </pre>
 */
public final class ConsoleMetricExporter implements MetricExporter {

  private final PrintStream out;

  // Visible for testing.
  ConsoleMetricExporter(PrintStream out) {
    this.out = out;
  }

  public static ConsoleMetricExporter create() {
    return new ConsoleMetricExporter(System.err);
  }

  @Override
  public ExportResult export(Collection<MetricData> metrics, long timeoutNanos) {
    StringBuilder line = new StringBuilder(160);
    for (MetricData metric : metrics) {
      for (PointData point : metric.points()) {
        line.setLength(0);
        format(metric, point, line);
        out.println(line); // one call per line: concurrent writers never interleave inside it
      }
    }
    return ExportResult.SUCCESS;
  }

  // Visible for testing.
  static void format(MetricData metric, PointData point, StringBuilder line) {
    line.append("[weft] metric ").append(metric.name());
    if (!metric.unit().isEmpty()) {
      line.append(' ').append(metric.unit());
    }
    line.append(' ').append(point.attributes()).append(' ');
    if (point instanceof NumberPointData) {
      NumberPointData number = (NumberPointData) point;
      if (metric.type().isLong()) {
        line.append(number.longValue());
      } else {
        line.append(number.doubleValue());
      }
    } else if (point instanceof HistogramPointData) {
      HistogramPointData histogram = (HistogramPointData) point;
      line.append("count=").append(histogram.count()).append(" sum=").append(histogram.sum());
    } else {
      line.append(point);
    }
  }

  @Override
  public void shutdown() {
    out.flush();
  }

  @Override
  public String toString() {
    return "console";
  }
}
