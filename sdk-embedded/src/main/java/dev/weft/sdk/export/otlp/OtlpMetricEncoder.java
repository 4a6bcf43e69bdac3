package dev.weft.sdk.export.otlp;

import static dev.weft.sdk.export.otlp.AttributeEncoder.lengthDelimitedSize;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.weft.sdk.common.InstrumentationScope;
import dev.weft.sdk.metrics.data.MetricData;
import dev.weft.sdk.resources.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes metrics as an OTLP {@code ExportMetricsServiceRequest}, field by field with {@link
 * CodedOutputStream}, grouped by resource, then by scope, in first-seen order; the same two passes
 * (sizes, then one exact-size array) as {@link OtlpTraceEncoder}. Stateless and thread-safe.
 */
public final class OtlpMetricEncoder {

  private static final int LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;

  // ExportMetricsServiceRequest
  private static final int RESOURCE_METRICS = 1;
  // ResourceMetrics
  private static final int RESOURCE = 1;
  private static final int SCOPE_METRICS = 2;
  // Resource
  private static final int RESOURCE_ATTRIBUTES = 1;
  // ScopeMetrics
  private static final int SCOPE = 1;
  private static final int METRICS = 2;
  private static final int SCOPE_METRICS_SCHEMA_URL = 3;

  private OtlpMetricEncoder() {}

  /** The serialized request. */
  public static byte[] encode(Collection<MetricData> metrics) {
    Map<Resource, Map<InstrumentationScope, List<MetricData>>> groups = group(metrics);
    MessageSizes sizes = new MessageSizes(metrics.size() * 16 + groups.size() * 4);
    int total = 0;
    for (Map.Entry<Resource, Map<InstrumentationScope, List<MetricData>>> group :
        groups.entrySet()) {
      total += sizeResourceMetrics(group.getKey(), group.getValue(), sizes);
    }
    byte[] bytes = new byte[total];
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      for (Map.Entry<Resource, Map<InstrumentationScope, List<MetricData>>> group :
          groups.entrySet()) {
        writeResourceMetrics(group.getKey(), group.getValue(), sizes, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("OTLP size/write mismatch", e);
    }
    out.checkNoSpaceLeft();
    if (!sizes.fullyConsumed()) {
      throw new IllegalStateException("OTLP size/write mismatch: sizes left unread");
    }
    return bytes;
  }

  /** Data points in {@code metrics}: what the export counts as items. */
  public static int pointCount(Collection<MetricData> metrics) {
    int count = 0;
    for (MetricData metric : metrics) {
      count += metric.points().size();
    }
    return count;
  }

  private static Map<Resource, Map<InstrumentationScope, List<MetricData>>> group(
      Collection<MetricData> metrics) {
    Map<Resource, Map<InstrumentationScope, List<MetricData>>> groups = new LinkedHashMap<>();
    for (MetricData metric : metrics) {
      groups
          .computeIfAbsent(metric.resource(), r -> new LinkedHashMap<>())
          .computeIfAbsent(metric.scope(), s -> new ArrayList<>())
          .add(metric);
    }
    return groups;
  }

  private static int sizeResourceMetrics(
      Resource resource, Map<InstrumentationScope, List<MetricData>> scopes, MessageSizes sizes) {
    int resourceMetricsSlot = sizes.reserve();
    int resourceSlot = sizes.reserve();
    int resourceSize =
        AttributeEncoder.size(
            RESOURCE_ATTRIBUTES, resource == null ? null : resource.attributes(), sizes);
    sizes.set(resourceSlot, resourceSize);
    int size = lengthDelimitedSize(RESOURCE, resourceSize);
    for (Map.Entry<InstrumentationScope, List<MetricData>> scope : scopes.entrySet()) {
      int scopeMetricsSlot = sizes.reserve();
      InstrumentationScope key = scope.getKey();
      int scopeMetrics = lengthDelimitedSize(SCOPE, ScopeEncoder.size(key, sizes));
      for (MetricData metric : scope.getValue()) {
        scopeMetrics += MetricEncoder.size(METRICS, metric, sizes);
      }
      scopeMetrics += nonEmptySize(SCOPE_METRICS_SCHEMA_URL, key == null ? null : key.schemaUrl());
      sizes.set(scopeMetricsSlot, scopeMetrics);
      size += lengthDelimitedSize(SCOPE_METRICS, scopeMetrics);
    }
    sizes.set(resourceMetricsSlot, size);
    return lengthDelimitedSize(RESOURCE_METRICS, size);
  }

  private static void writeResourceMetrics(
      Resource resource,
      Map<InstrumentationScope, List<MetricData>> scopes,
      MessageSizes sizes,
      CodedOutputStream out)
      throws IOException {
    writeLengthPrefix(RESOURCE_METRICS, sizes, out);
    writeLengthPrefix(RESOURCE, sizes, out);
    AttributeEncoder.write(
        RESOURCE_ATTRIBUTES, resource == null ? null : resource.attributes(), sizes, out);
    for (Map.Entry<InstrumentationScope, List<MetricData>> scope : scopes.entrySet()) {
      writeLengthPrefix(SCOPE_METRICS, sizes, out);
      InstrumentationScope key = scope.getKey();
      out.writeTag(SCOPE, LEN);
      ScopeEncoder.write(key, sizes, out);
      for (MetricData metric : scope.getValue()) {
        MetricEncoder.write(METRICS, metric, sizes, out);
      }
      writeNonEmpty(SCOPE_METRICS_SCHEMA_URL, key == null ? null : key.schemaUrl(), out);
    }
  }

  private static void writeLengthPrefix(int field, MessageSizes sizes, CodedOutputStream out)
      throws IOException {
    out.writeTag(field, LEN);
    out.writeUInt32NoTag(sizes.next());
  }

  private static int nonEmptySize(int field, String value) {
    return value == null || value.isEmpty() ? 0 : CodedOutputStream.computeStringSize(field, value);
  }

  private static void writeNonEmpty(int field, String value, CodedOutputStream out)
      throws IOException {
    if (value != null && !value.isEmpty()) {
      ProtoStrings.write(out, field, value);
    }
  }
}
