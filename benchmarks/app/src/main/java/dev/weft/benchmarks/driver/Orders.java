package dev.weft.benchmarks.driver;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed set of orders the driver cycles through: 16 customers, 2 to 5 items each, half of them
 * priced through the JDK {@code HttpClient} and half through {@code HttpURLConnection}.
 */
final class Orders {

  static final List<String> ALL = build();

  private Orders() {}

  private static List<String> build() {
    List<String> orders = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      StringBuilder items = new StringBuilder();
      int count = 2 + i % 4;
      for (int j = 0; j < count; j++) {
        items.append(j == 0 ? "" : ",").append("SKU-").append(100 + (i * 7 + j * 13) % 50);
        items.append(':').append(1 + (i + j) % 3);
      }
      orders.add(
          "customer=c"
              + (1000 + i)
              + "&client="
              + (i % 2 == 0 ? "jdk" : "url")
              + "&items="
              + items);
    }
    return orders;
  }
}
