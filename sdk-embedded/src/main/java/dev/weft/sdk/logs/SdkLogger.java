package dev.weft.sdk.logs;

import dev.weft.core.api.logs.LogRecordBuilder;
import dev.weft.core.api.logs.Logger;
import dev.weft.sdk.common.InstrumentationScope;

/** A logger of one scope; builders are records of this SDK (no copy at emit). */
final class SdkLogger implements Logger {

  private final SdkLoggerProvider provider;
  private final InstrumentationScope scope;

  SdkLogger(SdkLoggerProvider provider, InstrumentationScope scope) {
    this.provider = provider;
    this.scope = scope;
  }

  @Override
  public boolean isEnabled() {
    return !provider.isShutdown();
  }

  @Override
  public LogRecordBuilder logRecordBuilder() {
    return new SdkLogRecord(provider, scope);
  }

  @Override
  public String toString() {
    return "SdkLogger{" + scope + "}";
  }
}
