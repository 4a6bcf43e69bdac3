package dev.weft.benchmarks.app;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One parsed order, {@code customer=c7&client=jdk&items=A17:2,B3:1}, and the JSON answer built from
 * it once the prices are known. Pure: no I/O.
 */
final class Checkout {

  private final String customer;
  private final boolean useHttpClient;
  private final List<String> skus;
  private final List<Integer> quantities;

  private Checkout(
      String customer, boolean useHttpClient, List<String> skus, List<Integer> quantities) {
    this.customer = customer;
    this.useHttpClient = useHttpClient;
    this.skus = skus;
    this.quantities = quantities;
  }

  /** Parses a form-encoded order; throws {@link IllegalArgumentException} on a bad one. */
  static Checkout parse(String form) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("bad field: " + pair);
      }
      fields.put(
          pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    String customer = required(fields, "customer");
    String client = required(fields, "client");
    if (!client.equals("jdk") && !client.equals("url")) {
      throw new IllegalArgumentException("client must be jdk or url: " + client);
    }
    List<String> skus = new ArrayList<>();
    List<Integer> quantities = new ArrayList<>();
    for (String item : required(fields, "items").split(",")) {
      int colon = item.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("bad item: " + item);
      }
      skus.add(item.substring(0, colon));
      try {
        quantities.add(Integer.parseInt(item.substring(colon + 1)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad quantity: " + item);
      }
    }
    return new Checkout(customer, client.equals("jdk"), skus, quantities);
  }

  boolean useHttpClient() {
    return useHttpClient;
  }

  /** The SKUs as the pricing service's query wants them: {@code A17,B3}. */
  String skuList() {
    return String.join(",", skus);
  }

  /** The answer, given the pricing service's {@code SKU=price} lines for this order's SKUs. */
  String priced(String priceLines) {
    Map<String, BigDecimal> prices = new HashMap<>();
    for (String line : priceLines.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        prices.put(line.substring(0, eq), new BigDecimal(line.substring(eq + 1)));
      }
    }
    StringBuilder json = new StringBuilder(256);
    json.append("{\"customer\":\"").append(customer).append("\",\"lines\":[");
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < skus.size(); i++) {
      BigDecimal unit = prices.get(skus.get(i));
      if (unit == null) {
        throw new IllegalArgumentException("no price for " + skus.get(i));
      }
      BigDecimal line = unit.multiply(BigDecimal.valueOf(quantities.get(i)));
      total = total.add(line);
      json.append(i == 0 ? "{" : ",{")
          .append("\"sku\":\"")
          .append(skus.get(i))
          .append("\",\"quantity\":")
          .append(quantities.get(i))
          .append(",\"unit\":\"")
          .append(unit.toPlainString())
          .append("\",\"amount\":\"")
          .append(line.toPlainString())
          .append("\"}");
    }
    return json.append("],\"total\":\"").append(total.toPlainString()).append("\"}").toString();
  }

  private static String required(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(name + " missing");
    }
    return value;
  }
}
