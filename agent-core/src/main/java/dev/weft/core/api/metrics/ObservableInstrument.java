package dev.weft.core.api.metrics;

/** A registered asynchronous instrument; {@link #close()} stops its callback from being called. */
public interface ObservableInstrument extends AutoCloseable {

  @Override
  void close();
}
