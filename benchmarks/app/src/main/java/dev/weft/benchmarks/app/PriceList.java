package dev.weft.benchmarks.app;

import java.math.BigDecimal;
import java.util.List;

/** The pricing service's answer: one {@code SKU=price} line per SKU, the same price every time. */
final class PriceList {

  private PriceList() {}

  static String of(List<String> skus) {
    StringBuilder out = new StringBuilder(16 * skus.size());
    for (String sku : skus) {
      // Deterministic: a price between 0.01 and 99.99 derived from the SKU alone.
      int cents = 1 + Math.floorMod(sku.hashCode() * 31 + 7, 9999);
      out.append(sku).append('=').append(BigDecimal.valueOf(cents, 2).toPlainString()).append('\n');
    }
    return out.toString();
  }
}
