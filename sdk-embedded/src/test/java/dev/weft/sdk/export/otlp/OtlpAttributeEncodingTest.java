package dev.weft.sdk.export.otlp;

import static dev.weft.sdk.export.otlp.OtlpTraceEncoderTest.onlySpan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.Attributes;
import dev.weft.sdk.export.TestSpan;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each attribute type, including the defaults that proto3 would omit outside a oneof. */
class OtlpAttributeEncodingTest {

  static Stream<Arguments> values() {
    return Stream.of(
        arguments(AttributeKey.stringKey("s"), "text", any().setStringValue("text")),
        arguments(AttributeKey.stringKey("s"), "", any().setStringValue("")),
        arguments(AttributeKey.booleanKey("b"), true, any().setBoolValue(true)),
        arguments(AttributeKey.booleanKey("b"), false, any().setBoolValue(false)),
        arguments(AttributeKey.longKey("l"), 0L, any().setIntValue(0)),
        arguments(AttributeKey.longKey("l"), -1L, any().setIntValue(-1)),
        arguments(AttributeKey.longKey("l"), Long.MAX_VALUE, any().setIntValue(Long.MAX_VALUE)),
        arguments(AttributeKey.doubleKey("d"), 0.0, any().setDoubleValue(0.0)),
        arguments(AttributeKey.doubleKey("d"), -2.5e-300, any().setDoubleValue(-2.5e-300)),
        arguments(AttributeKey.doubleKey("d"), Double.NaN, any().setDoubleValue(Double.NaN)),
        arguments(
            AttributeKey.stringArrayKey("sa"),
            List.of("a", "", "ü"),
            array(any().setStringValue("a"), any().setStringValue(""), any().setStringValue("ü"))),
        arguments(
            AttributeKey.booleanArrayKey("ba"),
            List.of(true, false),
            array(any().setBoolValue(true), any().setBoolValue(false))),
        arguments(
            AttributeKey.longArrayKey("la"),
            List.of(0L, 7L, Long.MIN_VALUE),
            array(any().setIntValue(0), any().setIntValue(7), any().setIntValue(Long.MIN_VALUE))),
        arguments(
            AttributeKey.doubleArrayKey("da"),
            List.of(1.5, 0.0),
            array(any().setDoubleValue(1.5), any().setDoubleValue(0.0))),
        arguments(AttributeKey.stringArrayKey("empty"), List.of(), array()),
        arguments(
            AttributeKey.stringArrayKey("with-null"),
            Arrays.asList("a", null),
            array(any().setStringValue("a"), any())));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("values")
  <T> void encodesEachTypeAsTheMatchingAnyValue(AttributeKey<T> key, T value, AnyValue expected)
      throws Exception {
    Attributes attributes = Attributes.builder().put(key, value).build();

    byte[] bytes = OtlpTraceEncoder.encode(List.of(TestSpan.named("s").attributes(attributes)));

    assertThat(onlySpan(bytes).getAttributesList())
        .containsExactly(KeyValue.newBuilder().setKey(key.name()).setValue(expected).build());
    assertThat(ExportTraceServiceRequest.parseFrom(bytes).toByteArray()).isEqualTo(bytes);
  }

  private static Arguments arguments(AttributeKey<?> key, Object value, Object expected) {
    AnyValue any =
        expected instanceof AnyValue.Builder
            ? ((AnyValue.Builder) expected).build()
            : (AnyValue) expected;
    return Arguments.of(key, value, any);
  }

  private static AnyValue.Builder any() {
    return AnyValue.newBuilder();
  }

  private static AnyValue array(AnyValue.Builder... values) {
    ArrayValue.Builder array = ArrayValue.newBuilder();
    for (AnyValue.Builder value : values) {
      array.addValues(value);
    }
    return AnyValue.newBuilder().setArrayValue(array).build();
  }
}
