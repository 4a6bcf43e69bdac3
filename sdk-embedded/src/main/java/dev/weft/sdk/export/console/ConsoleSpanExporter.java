package dev.weft.sdk.export.console;

import dev.weft.core.api.trace.SpanContext;
import dev.weft.sdk.trace.data.SpanData;
import dev.weft.sdk.trace.export.ExportResult;
import dev.weft.sdk.trace.export.SpanExporter;
import java.io.PrintStream;
import java.util.Collection;

/**
 * {@code otel.traces.exporter=console} (alias {@code logging}): one readable line per span on
 * standard error, for trying Weft out and for debugging, never for production volumes:
 *
 * <pre>
 * [weft] span 0af7651916cd43dd8448eb211c80319c b7ad6b7169203331 parent=00f067aa0ba902b7 SERVER
 *     'GET /users/{id}' 12.345 ms ERROR: boom {http.request.method=GET}
 * </pre>
 *
 * (one line; wrapped here). The parent is {@code -} for a root span.
 */
public final class ConsoleSpanExporter implements SpanExporter {

  private final PrintStream out;

  // Visible for testing.
  ConsoleSpanExporter(PrintStream out) {
    this.out = out;
  }

  public static ConsoleSpanExporter create() {
    return new ConsoleSpanExporter(System.err);
  }

  @Override
  public ExportResult export(Collection<? extends SpanData> spans, long timeoutNanos) {
    StringBuilder line = new StringBuilder(256);
    for (SpanData span : spans) {
      line.setLength(0);
      format(span, line);
      out.println(line); // one call per line: concurrent writers never interleave inside it
    }
    return ExportResult.SUCCESS;
  }

  @Override
  public void shutdown() {
    out.flush();
  }

  @Override
  public String toString() {
    return "console";
  }

  // Visible for testing.
  static void format(SpanData span, StringBuilder line) {
    SpanContext context = span.spanContext();
    SpanContext parent = span.parentSpanContext();
    line.append("[weft] span ")
        .append(context.traceIdHex())
        .append(' ')
        .append(context.spanIdHex())
        .append(" parent=")
        .append(parent.isValid() ? parent.spanIdHex() : "-")
        .append(' ')
        .append(span.kind())
        .append(" '")
        .append(span.name())
        .append("' ");
    appendMillis(span.endEpochNanos() - span.startEpochNanos(), line);
    line.append(" ms ").append(span.statusCode());
    String description = span.statusDescription();
    if (description != null && !description.isEmpty()) {
      line.append(": ").append(description);
    }
    line.append(' ').append(span.attributes());
  }

  /** Milliseconds with three decimals, without String.format. */
  private static void appendMillis(long nanos, StringBuilder line) {
    long micros = nanos / 1_000;
    if (micros < 0) {
      line.append('-');
      micros = -micros;
    }
    long fraction = micros % 1_000;
    line.append(micros / 1_000).append('.');
    if (fraction < 100) {
      line.append(fraction < 10 ? "00" : "0");
    }
    line.append(fraction);
  }
}
