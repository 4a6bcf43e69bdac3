package dev.weft.sdk.export.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.api.trace.SpanContext;
import dev.weft.core.api.trace.SpanKind;
import dev.weft.core.api.trace.StatusCode;
import dev.weft.core.api.trace.TraceState;
import dev.weft.sdk.export.TestSpan;
import dev.weft.sdk.trace.export.ExportResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleSpanExporterTest {

  @Test
  void writesOneReadableLinePerSpan() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ConsoleSpanExporter exporter =
        new ConsoleSpanExporter(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    SpanContext parent =
        SpanContext.createFromRemoteParent(
            0x0af7651916cd43ddL,
            0x8448eb211c80319cL,
            0x00f067aa0ba902b7L,
            (byte) 1,
            TraceState.empty());
    TestSpan server =
        TestSpan.named("GET /users/{id}")
            .kind(SpanKind.SERVER)
            .parent(parent)
            .times(1_000_000_000L, 1_012_345_678L)
            .attributes(
                Attributes.builder()
                    .put("http.request.method", "GET")
                    .put(AttributeKey.longKey("http.response.status_code"), 500L)
                    .build())
            .status(StatusCode.ERROR, "boom");
    TestSpan root = TestSpan.named("job").times(5_000_000L, 5_000_000L + 7_000L);

    ExportResult result = exporter.export(List.of(server, root), 0);

    assertThat(result).isEqualTo(ExportResult.SUCCESS);
    assertThat(bytes.toString(StandardCharsets.UTF_8).split(System.lineSeparator()))
        .containsExactly(
            "[weft] span 0af7651916cd43dd8448eb211c80319c b7ad6b7169203331"
                + " parent=00f067aa0ba902b7 SERVER 'GET /users/{id}' 12.345 ms ERROR: boom"
                + " {http.request.method=GET, http.response.status_code=500}",
            "[weft] span 0af7651916cd43dd8448eb211c80319c b7ad6b7169203331 parent=- INTERNAL"
                + " 'job' 0.007 ms UNSET {}");
    assertThat(exporter).hasToString("console");
  }
}
