package dev.weft.sdk.export.otlp;

import static dev.weft.sdk.export.otlp.AttributeEncoder.lengthDelimitedSize;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.weft.sdk.metrics.data.ExemplarData;
import dev.weft.sdk.metrics.data.ExponentialHistogramPointData;
import dev.weft.sdk.metrics.data.HistogramPointData;
import dev.weft.sdk.metrics.data.MetricData;
import dev.weft.sdk.metrics.data.MetricType;
import dev.weft.sdk.metrics.data.NumberPointData;
import dev.weft.sdk.metrics.data.PointData;
import java.io.IOException;
import java.util.List;

/**
 * Sizes and writes one {@code metrics.v1.Metric} with its points straight from {@link MetricData}.
 * As in {@link SpanEncoder}, size and write visit fields in the same order under the same
 * conditions, and {@link MessageSizes} carries nested sizes from one pass to the other.
 */
final class MetricEncoder {

  private static final int LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;

  // metrics.v1.Metric
  private static final int NAME = 1;
  private static final int DESCRIPTION = 2;
  private static final int UNIT = 3;
  private static final int GAUGE = 5;
  private static final int SUM = 7;
  private static final int HISTOGRAM = 9;
  private static final int EXPONENTIAL_HISTOGRAM = 10;
  // Gauge, Sum, Histogram, ExponentialHistogram
  private static final int DATA_POINTS = 1;
  private static final int TEMPORALITY = 2;
  private static final int IS_MONOTONIC = 3;
  // NumberDataPoint
  private static final int NUMBER_START = 2;
  private static final int NUMBER_TIME = 3;
  private static final int AS_DOUBLE = 4;
  private static final int NUMBER_EXEMPLARS = 5;
  private static final int AS_INT = 6;
  private static final int NUMBER_ATTRIBUTES = 7;
  // HistogramDataPoint
  private static final int HISTOGRAM_START = 2;
  private static final int HISTOGRAM_TIME = 3;
  private static final int HISTOGRAM_COUNT = 4;
  private static final int HISTOGRAM_SUM = 5;
  private static final int BUCKET_COUNTS = 6;
  private static final int EXPLICIT_BOUNDS = 7;
  private static final int HISTOGRAM_EXEMPLARS = 8;
  private static final int HISTOGRAM_ATTRIBUTES = 9;
  private static final int HISTOGRAM_MIN = 11;
  private static final int HISTOGRAM_MAX = 12;
  // ExponentialHistogramDataPoint
  private static final int EXP_ATTRIBUTES = 1;
  private static final int EXP_START = 2;
  private static final int EXP_TIME = 3;
  private static final int EXP_COUNT = 4;
  private static final int EXP_SUM = 5;
  private static final int EXP_SCALE = 6;
  private static final int EXP_ZERO_COUNT = 7;
  private static final int EXP_POSITIVE = 8;
  private static final int EXP_NEGATIVE = 9;
  private static final int EXP_EXEMPLARS = 11;
  private static final int EXP_MIN = 12;
  private static final int EXP_MAX = 13;
  // ExponentialHistogramDataPoint.Buckets
  private static final int BUCKETS_OFFSET = 1;
  private static final int BUCKETS_COUNTS = 2;
  // Exemplar
  private static final int EXEMPLAR_TIME = 2;
  private static final int EXEMPLAR_AS_DOUBLE = 3;
  private static final int EXEMPLAR_SPAN_ID = 4;
  private static final int EXEMPLAR_TRACE_ID = 5;

  private MetricEncoder() {}

  /** Size of {@code metric} as field {@code field} of its ScopeMetrics, tag included. */
  static int size(int field, MetricData metric, MessageSizes sizes) {
    int metricSlot = sizes.reserve();
    int size = stringSize(NAME, metric.name());
    size += stringSize(DESCRIPTION, metric.description());
    size += stringSize(UNIT, metric.unit());
    int dataSlot = sizes.reserve();
    int data = 0;
    for (PointData point : metric.points()) {
      data += lengthDelimitedSize(DATA_POINTS, sizePoint(metric.type(), point, sizes));
    }
    if (metric.temporality() != null) {
      data += CodedOutputStream.computeEnumSize(TEMPORALITY, metric.temporality().otlpValue());
    }
    if (metric.type().isSum() && metric.isMonotonic()) {
      data += CodedOutputStream.computeBoolSize(IS_MONOTONIC, true);
    }
    sizes.set(dataSlot, data);
    size += lengthDelimitedSize(dataField(metric.type()), data);
    sizes.set(metricSlot, size);
    return lengthDelimitedSize(field, size);
  }

  static void write(int field, MetricData metric, MessageSizes sizes, CodedOutputStream out)
      throws IOException {
    writeLengthPrefix(field, sizes, out);
    writeString(NAME, metric.name(), out);
    writeString(DESCRIPTION, metric.description(), out);
    writeString(UNIT, metric.unit(), out);
    writeLengthPrefix(dataField(metric.type()), sizes, out);
    for (PointData point : metric.points()) {
      writePoint(metric.type(), point, sizes, out);
    }
    if (metric.temporality() != null) {
      out.writeEnum(TEMPORALITY, metric.temporality().otlpValue());
    }
    if (metric.type().isSum() && metric.isMonotonic()) {
      out.writeBool(IS_MONOTONIC, true);
    }
  }

  private static int dataField(MetricType type) {
    switch (type) {
      case LONG_GAUGE:
      case DOUBLE_GAUGE:
        return GAUGE;
      case HISTOGRAM:
        return HISTOGRAM;
      case EXPONENTIAL_HISTOGRAM:
        return EXPONENTIAL_HISTOGRAM;
      default:
        return SUM;
    }
  }

  /** The body size of one point; its slot is reserved here, before any nested message's. */
  private static int sizePoint(MetricType type, PointData point, MessageSizes sizes) {
    int slot = sizes.reserve();
    int size;
    if (type == MetricType.HISTOGRAM) {
      size = sizeHistogram((HistogramPointData) point, sizes);
    } else if (type == MetricType.EXPONENTIAL_HISTOGRAM) {
      size = sizeExponential((ExponentialHistogramPointData) point, sizes);
    } else {
      size = sizeNumber(type, (NumberPointData) point, sizes);
    }
    sizes.set(slot, size);
    return size;
  }

  private static void writePoint(
      MetricType type, PointData point, MessageSizes sizes, CodedOutputStream out)
      throws IOException {
    writeLengthPrefix(DATA_POINTS, sizes, out);
    if (type == MetricType.HISTOGRAM) {
      writeHistogram((HistogramPointData) point, sizes, out);
    } else if (type == MetricType.EXPONENTIAL_HISTOGRAM) {
      writeExponential((ExponentialHistogramPointData) point, sizes, out);
    } else {
      writeNumber(type, (NumberPointData) point, sizes, out);
    }
  }

  private static int sizeNumber(MetricType type, NumberPointData point, MessageSizes sizes) {
    int size = fixed64Size(NUMBER_START, point.startEpochNanos());
    size += fixed64Size(NUMBER_TIME, point.epochNanos());
    // A oneof: written even when zero.
    size +=
        type.isLong()
            ? CodedOutputStream.computeSFixed64Size(AS_INT, point.longValue())
            : CodedOutputStream.computeDoubleSize(AS_DOUBLE, point.doubleValue());
    size += AttributeEncoder.size(NUMBER_ATTRIBUTES, point.attributes(), sizes);
    return size;
  }

  private static void writeNumber(
      MetricType type, NumberPointData point, MessageSizes sizes, CodedOutputStream out)
      throws IOException {
    writeFixed64(NUMBER_START, point.startEpochNanos(), out);
    writeFixed64(NUMBER_TIME, point.epochNanos(), out);
    if (type.isLong()) {
      out.writeSFixed64(AS_INT, point.longValue());
    } else {
      out.writeDouble(AS_DOUBLE, point.doubleValue());
    }
    AttributeEncoder.write(NUMBER_ATTRIBUTES, point.attributes(), sizes, out);
  }

  private static int sizeHistogram(HistogramPointData point, MessageSizes sizes) {
    int size = fixed64Size(HISTOGRAM_START, point.startEpochNanos());
    size += fixed64Size(HISTOGRAM_TIME, point.epochNanos());
    size += CodedOutputStream.computeFixed64Size(HISTOGRAM_COUNT, point.count());
    size += CodedOutputStream.computeDoubleSize(HISTOGRAM_SUM, point.sum());
    size += lengthDelimitedSize(BUCKET_COUNTS, point.counts().length * 8);
    if (point.boundaries().length > 0) {
      size += lengthDelimitedSize(EXPLICIT_BOUNDS, point.boundaries().length * 8);
    }
    size += sizeExemplars(HISTOGRAM_EXEMPLARS, point.exemplars());
    size += AttributeEncoder.size(HISTOGRAM_ATTRIBUTES, point.attributes(), sizes);
    if (point.count() > 0) {
      size += CodedOutputStream.computeDoubleSize(HISTOGRAM_MIN, point.min());
      size += CodedOutputStream.computeDoubleSize(HISTOGRAM_MAX, point.max());
    }
    return size;
  }

  private static void writeHistogram(
      HistogramPointData point, MessageSizes sizes, CodedOutputStream out) throws IOException {
    writeFixed64(HISTOGRAM_START, point.startEpochNanos(), out);
    writeFixed64(HISTOGRAM_TIME, point.epochNanos(), out);
    out.writeFixed64(HISTOGRAM_COUNT, point.count());
    out.writeDouble(HISTOGRAM_SUM, point.sum()); // optional: present even when zero
    out.writeTag(BUCKET_COUNTS, LEN);
    out.writeUInt32NoTag(point.counts().length * 8);
    for (long count : point.counts()) {
      out.writeFixed64NoTag(count);
    }
    if (point.boundaries().length > 0) {
      out.writeTag(EXPLICIT_BOUNDS, LEN);
      out.writeUInt32NoTag(point.boundaries().length * 8);
      for (double bound : point.boundaries()) {
        out.writeDoubleNoTag(bound);
      }
    }
    writeExemplars(HISTOGRAM_EXEMPLARS, point.exemplars(), out);
    AttributeEncoder.write(HISTOGRAM_ATTRIBUTES, point.attributes(), sizes, out);
    if (point.count() > 0) {
      out.writeDouble(HISTOGRAM_MIN, point.min());
      out.writeDouble(HISTOGRAM_MAX, point.max());
    }
  }

  private static int sizeExponential(ExponentialHistogramPointData point, MessageSizes sizes) {
    int size = AttributeEncoder.size(EXP_ATTRIBUTES, point.attributes(), sizes);
    size += fixed64Size(EXP_START, point.startEpochNanos());
    size += fixed64Size(EXP_TIME, point.epochNanos());
    size += CodedOutputStream.computeFixed64Size(EXP_COUNT, point.count());
    size += CodedOutputStream.computeDoubleSize(EXP_SUM, point.sum());
    size += point.scale() == 0 ? 0 : CodedOutputStream.computeSInt32Size(EXP_SCALE, point.scale());
    size += fixed64Size(EXP_ZERO_COUNT, point.zeroCount());
    size +=
        lengthDelimitedSize(
            EXP_POSITIVE, bucketsSize(point.positiveOffset(), point.positiveCounts()));
    size +=
        lengthDelimitedSize(
            EXP_NEGATIVE, bucketsSize(point.negativeOffset(), point.negativeCounts()));
    size += sizeExemplars(EXP_EXEMPLARS, point.exemplars());
    if (point.count() > 0) {
      size += CodedOutputStream.computeDoubleSize(EXP_MIN, point.min());
      size += CodedOutputStream.computeDoubleSize(EXP_MAX, point.max());
    }
    return size;
  }

  private static void writeExponential(
      ExponentialHistogramPointData point, MessageSizes sizes, CodedOutputStream out)
      throws IOException {
    AttributeEncoder.write(EXP_ATTRIBUTES, point.attributes(), sizes, out);
    writeFixed64(EXP_START, point.startEpochNanos(), out);
    writeFixed64(EXP_TIME, point.epochNanos(), out);
    out.writeFixed64(EXP_COUNT, point.count());
    out.writeDouble(EXP_SUM, point.sum());
    if (point.scale() != 0) {
      out.writeSInt32(EXP_SCALE, point.scale());
    }
    writeFixed64(EXP_ZERO_COUNT, point.zeroCount(), out);
    writeBuckets(EXP_POSITIVE, point.positiveOffset(), point.positiveCounts(), out);
    writeBuckets(EXP_NEGATIVE, point.negativeOffset(), point.negativeCounts(), out);
    writeExemplars(EXP_EXEMPLARS, point.exemplars(), out);
    if (point.count() > 0) {
      out.writeDouble(EXP_MIN, point.min());
      out.writeDouble(EXP_MAX, point.max());
    }
  }

  private static int bucketsSize(int offset, long[] counts) {
    if (counts.length == 0) {
      return 0;
    }
    int size = offset == 0 ? 0 : CodedOutputStream.computeSInt32Size(BUCKETS_OFFSET, offset);
    return size + lengthDelimitedSize(BUCKETS_COUNTS, packedVarintSize(counts));
  }

  private static void writeBuckets(int field, int offset, long[] counts, CodedOutputStream out)
      throws IOException {
    out.writeTag(field, LEN);
    out.writeUInt32NoTag(bucketsSize(offset, counts));
    if (counts.length == 0) {
      return;
    }
    if (offset != 0) {
      out.writeSInt32(BUCKETS_OFFSET, offset);
    }
    out.writeTag(BUCKETS_COUNTS, LEN);
    out.writeUInt32NoTag(packedVarintSize(counts));
    for (long count : counts) {
      out.writeUInt64NoTag(count);
    }
  }

  private static int packedVarintSize(long[] values) {
    int size = 0;
    for (long value : values) {
      size += CodedOutputStream.computeUInt64SizeNoTag(value);
    }
    return size;
  }

  // Exemplars carry no filtered attributes in this SDK: cheap enough to size in both passes.

  private static int sizeExemplars(int field, List<ExemplarData> exemplars) {
    int size = 0;
    for (int i = 0; i < exemplars.size(); i++) {
      size += lengthDelimitedSize(field, exemplarSize(exemplars.get(i)));
    }
    return size;
  }

  private static int exemplarSize(ExemplarData exemplar) {
    int size = fixed64Size(EXEMPLAR_TIME, exemplar.epochNanos());
    size += CodedOutputStream.computeDoubleSize(EXEMPLAR_AS_DOUBLE, exemplar.value());
    if (exemplar.hasSpan()) {
      size += lengthDelimitedSize(EXEMPLAR_SPAN_ID, 8) + lengthDelimitedSize(EXEMPLAR_TRACE_ID, 16);
    }
    return size;
  }

  private static void writeExemplars(int field, List<ExemplarData> exemplars, CodedOutputStream out)
      throws IOException {
    for (int i = 0; i < exemplars.size(); i++) {
      ExemplarData exemplar = exemplars.get(i);
      out.writeTag(field, LEN);
      out.writeUInt32NoTag(exemplarSize(exemplar));
      writeFixed64(EXEMPLAR_TIME, exemplar.epochNanos(), out);
      out.writeDouble(EXEMPLAR_AS_DOUBLE, exemplar.value());
      if (exemplar.hasSpan()) {
        out.writeTag(EXEMPLAR_SPAN_ID, LEN);
        out.writeUInt32NoTag(8);
        writeBigEndian(exemplar.spanId(), out);
        out.writeTag(EXEMPLAR_TRACE_ID, LEN);
        out.writeUInt32NoTag(16);
        writeBigEndian(exemplar.traceIdHigh(), out);
        writeBigEndian(exemplar.traceIdLow(), out);
      }
    }
  }

  private static void writeBigEndian(long value, CodedOutputStream out) throws IOException {
    for (int shift = 56; shift >= 0; shift -= 8) {
      out.writeRawByte((byte) (value >>> shift));
    }
  }

  private static void writeLengthPrefix(int field, MessageSizes sizes, CodedOutputStream out)
      throws IOException {
    out.writeTag(field, LEN);
    out.writeUInt32NoTag(sizes.next());
  }

  private static int stringSize(int field, String value) {
    return value == null || value.isEmpty() ? 0 : CodedOutputStream.computeStringSize(field, value);
  }

  private static void writeString(int field, String value, CodedOutputStream out)
      throws IOException {
    if (value != null && !value.isEmpty()) {
      ProtoStrings.write(out, field, value);
    }
  }

  private static int fixed64Size(int field, long value) {
    return value == 0 ? 0 : CodedOutputStream.computeFixed64Size(field, value);
  }

  private static void writeFixed64(int field, long value, CodedOutputStream out)
      throws IOException {
    if (value != 0) {
      out.writeFixed64(field, value);
    }
  }
}
