package dev.weft.sdk.export.otlp;

import static dev.weft.sdk.export.otlp.AttributeEncoder.lengthDelimitedSize;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.weft.core.api.common.Attributes;
import dev.weft.sdk.common.InstrumentationScope;
import dev.weft.sdk.logs.LogRecordData;
import dev.weft.sdk.resources.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes log records as an OTLP {@code ExportLogsServiceRequest}, field by field with protobuf's
 * {@link CodedOutputStream}, in the two passes {@link OtlpTraceEncoder} uses: records grouped by
 * resource, then scope (the logger name), in first-seen order; a sizing pass records every nested
 * length, then one exact-size array is filled. Stateless and thread-safe.
 */
public final class OtlpLogsEncoder {

  private static final int LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;

  // collector.logs.v1.ExportLogsServiceRequest
  private static final int RESOURCE_LOGS = 1;
  // logs.v1.ResourceLogs
  private static final int RESOURCE = 1;
  private static final int SCOPE_LOGS = 2;
  // resource.v1.Resource
  private static final int RESOURCE_ATTRIBUTES = 1;
  // logs.v1.ScopeLogs
  private static final int SCOPE = 1;
  private static final int LOG_RECORDS = 2;
  private static final int SCOPE_LOGS_SCHEMA_URL = 3;

  private OtlpLogsEncoder() {}

  /** The serialized request; an empty array for no records. */
  public static byte[] encode(Collection<? extends LogRecordData> records) {
    Map<Resource, Map<InstrumentationScope, List<LogRecordData>>> groups = group(records);
    // Roughly: record, body, a few attributes with two sizes each.
    MessageSizes sizes = new MessageSizes(records.size() * 8 + groups.size() * 4);
    int total = sizeRequest(groups, sizes);
    byte[] bytes = new byte[total];
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      writeRequest(groups, sizes, out);
    } catch (IOException e) {
      // Only thrown when the sizing pass was wrong: a bug, not an I/O condition.
      throw new UncheckedIOException("OTLP size/write mismatch", e);
    }
    out.checkNoSpaceLeft();
    if (!sizes.fullyConsumed()) {
      throw new IllegalStateException("OTLP size/write mismatch: sizes left unread");
    }
    return bytes;
  }

  private static Map<Resource, Map<InstrumentationScope, List<LogRecordData>>> group(
      Collection<? extends LogRecordData> records) {
    Map<Resource, Map<InstrumentationScope, List<LogRecordData>>> groups = new LinkedHashMap<>();
    Resource lastResource = null;
    InstrumentationScope lastScope = null;
    List<LogRecordData> lastList = null;
    for (LogRecordData record : records) {
      Resource resource = record.resource();
      InstrumentationScope scope = record.instrumentationScope();
      if (resource != lastResource || scope != lastScope) {
        lastList =
            groups
                .computeIfAbsent(resource, r -> new LinkedHashMap<>())
                .computeIfAbsent(scope, s -> new ArrayList<>());
        lastResource = resource;
        lastScope = scope;
      }
      lastList.add(record);
    }
    return groups;
  }

  private static int sizeRequest(
      Map<Resource, Map<InstrumentationScope, List<LogRecordData>>> groups, MessageSizes sizes) {
    int total = 0;
    for (Map.Entry<Resource, Map<InstrumentationScope, List<LogRecordData>>> group :
        groups.entrySet()) {
      int resourceLogsSlot = sizes.reserve();
      int resourceSlot = sizes.reserve();
      int resource = AttributeEncoder.size(RESOURCE_ATTRIBUTES, attributesOf(group), sizes);
      sizes.set(resourceSlot, resource);
      int resourceLogs = lengthDelimitedSize(RESOURCE, resource);
      for (Map.Entry<InstrumentationScope, List<LogRecordData>> scope :
          group.getValue().entrySet()) {
        resourceLogs += sizeScopeLogs(scope.getKey(), scope.getValue(), sizes);
      }
      sizes.set(resourceLogsSlot, resourceLogs);
      total += lengthDelimitedSize(RESOURCE_LOGS, resourceLogs);
    }
    return total;
  }

  private static void writeRequest(
      Map<Resource, Map<InstrumentationScope, List<LogRecordData>>> groups,
      MessageSizes sizes,
      CodedOutputStream out)
      throws IOException {
    for (Map.Entry<Resource, Map<InstrumentationScope, List<LogRecordData>>> group :
        groups.entrySet()) {
      writeLengthPrefix(RESOURCE_LOGS, sizes, out);
      writeLengthPrefix(RESOURCE, sizes, out);
      AttributeEncoder.write(RESOURCE_ATTRIBUTES, attributesOf(group), sizes, out);
      for (Map.Entry<InstrumentationScope, List<LogRecordData>> scope :
          group.getValue().entrySet()) {
        writeScopeLogs(scope.getKey(), scope.getValue(), sizes, out);
      }
    }
  }

  private static int sizeScopeLogs(
      InstrumentationScope scope, List<LogRecordData> records, MessageSizes sizes) {
    int scopeLogsSlot = sizes.reserve();
    int scopeLogs = lengthDelimitedSize(SCOPE, ScopeEncoder.size(scope, sizes));
    for (int i = 0; i < records.size(); i++) {
      scopeLogs += LogRecordEncoder.size(LOG_RECORDS, records.get(i), sizes);
    }
    scopeLogs += nonEmptySize(SCOPE_LOGS_SCHEMA_URL, scope == null ? null : scope.schemaUrl());
    sizes.set(scopeLogsSlot, scopeLogs);
    return lengthDelimitedSize(SCOPE_LOGS, scopeLogs);
  }

  private static void writeScopeLogs(
      InstrumentationScope scope,
      List<LogRecordData> records,
      MessageSizes sizes,
      CodedOutputStream out)
      throws IOException {
    writeLengthPrefix(SCOPE_LOGS, sizes, out);
    out.writeTag(SCOPE, LEN);
    ScopeEncoder.write(scope, sizes, out);
    for (int i = 0; i < records.size(); i++) {
      LogRecordEncoder.write(LOG_RECORDS, records.get(i), sizes, out);
    }
    writeNonEmpty(SCOPE_LOGS_SCHEMA_URL, scope == null ? null : scope.schemaUrl(), out);
  }

  private static void writeLengthPrefix(int field, MessageSizes sizes, CodedOutputStream out)
      throws IOException {
    out.writeTag(field, LEN);
    out.writeUInt32NoTag(sizes.next());
  }

  private static Attributes attributesOf(
      Map.Entry<Resource, Map<InstrumentationScope, List<LogRecordData>>> group) {
    Resource resource = group.getKey();
    return resource == null ? null : resource.attributes();
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
