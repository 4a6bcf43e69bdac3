package dev.weft.sdk.metrics;

import dev.weft.core.api.metrics.ObservableInstrument;

/** A registered callback; closing removes it from its instrument's storages. */
final class SdkObservableInstrument implements ObservableInstrument {

  private final AsyncStorage[] storages;
  private final Object callback;

  SdkObservableInstrument(AsyncStorage[] storages, Object callback) {
    this.storages = storages;
    this.callback = callback;
  }

  @Override
  public void close() {
    for (AsyncStorage storage : storages) {
      storage.removeCallback(callback);
    }
  }
}
