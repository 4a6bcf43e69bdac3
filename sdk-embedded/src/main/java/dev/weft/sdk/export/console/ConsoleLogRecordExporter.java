package dev.weft.sdk.export.console;

import dev.weft.core.api.trace.SpanContext;
import dev.weft.sdk.logs.LogRecordData;
import dev.weft.sdk.logs.export.LogRecordExporter;
import dev.weft.sdk.trace.export.ExportResult;
import java.io.PrintStream;
import java.util.Collection;

/**
 * {@code otel.logs.exporter=console} (alias {@code logging}): one line per record on standard
 * error, written directly (never through a logging framework, which would bridge it again):
 *
 * <pre>
 * [weft] log 0af7651916cd43dd8448eb211c80319c b7ad6b7169203331 INFO com.example.Orders 'placed'
 *     {thread.name=main}
 * </pre>
 *
 * (one line; wrapped here). Ids are {@code -} for a record emitted outside a span.
 */
public final class ConsoleLogRecordExporter implements LogRecordExporter {

  private final PrintStream out;

  // Visible for testing.
  ConsoleLogRecordExporter(PrintStream out) {
    this.out = out;
  }

  public static ConsoleLogRecordExporter create() {
    return new ConsoleLogRecordExporter(System.err);
  }

  @Override
  public ExportResult export(Collection<? extends LogRecordData> records, long timeoutNanos) {
    StringBuilder line = new StringBuilder(256);
    for (LogRecordData record : records) {
      line.setLength(0);
      format(record, line);
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
  static void format(LogRecordData record, StringBuilder line) {
    SpanContext context = record.spanContext();
    line.append("[weft] log ");
    if (context.isValid()) {
      line.append(context.traceIdHex()).append(' ').append(context.spanIdHex());
    } else {
      line.append("- -");
    }
    String level = record.severityText();
    line.append(' ')
        .append(level == null ? record.severity().name() : level)
        .append(' ')
        .append(record.instrumentationScope().name())
        .append(" '")
        .append(record.body())
        .append("' ")
        .append(record.attributes());
  }
}
