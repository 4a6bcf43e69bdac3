package dev.weft.core.api.logs;

import static dev.weft.core.api.common.AttributeKey.longKey;
import static dev.weft.core.api.common.AttributeKey.stringKey;

import dev.weft.core.api.common.AttributeKey;

/**
 * Attribute keys log bridges set, as the OpenTelemetry agent 2.31 sets them ({@code code.*} in the
 * pre-stable form it still emits by default).
 */
public final class LogAttributes {

  public static final AttributeKey<String> THREAD_NAME = stringKey("thread.name");
  public static final AttributeKey<Long> THREAD_ID = longKey("thread.id");
  public static final AttributeKey<String> CODE_NAMESPACE = stringKey("code.namespace");
  public static final AttributeKey<String> CODE_FUNCTION = stringKey("code.function");
  public static final AttributeKey<String> CODE_FILEPATH = stringKey("code.filepath");
  public static final AttributeKey<Long> CODE_LINENO = longKey("code.lineno");

  private LogAttributes() {}
}
