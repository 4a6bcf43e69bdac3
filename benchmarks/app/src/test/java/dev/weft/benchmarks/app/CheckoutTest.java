package dev.weft.benchmarks.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckoutTest {

  @Test
  void pricesEachLineAndTheTotal() {
    Checkout order = Checkout.parse("customer=c%2042&client=url&items=A:2,B:1");
    assertThat(order.useHttpClient()).isFalse();
    assertThat(order.skuList()).isEqualTo("A,B");
    assertThat(order.priced("A=12.50\nB=0.99\n"))
        .isEqualTo(
            "{\"customer\":\"c 42\",\"lines\":["
                + "{\"sku\":\"A\",\"quantity\":2,\"unit\":\"12.50\",\"amount\":\"25.00\"},"
                + "{\"sku\":\"B\",\"quantity\":1,\"unit\":\"0.99\",\"amount\":\"0.99\"}],"
                + "\"total\":\"25.99\"}");
  }

  @Test
  void rejectsBadOrders() {
    assertThatThrownBy(() -> Checkout.parse("customer=c1&client=jdk"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("items missing");
    assertThatThrownBy(() -> Checkout.parse("customer=c1&client=ftp&items=A:1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Checkout.parse("customer=c1&client=jdk&items=A:x"))
        .hasMessage("bad quantity: A:x");
    assertThatThrownBy(() -> Checkout.parse("customer=c1&client=jdk&items=A:1").priced("B=1.00"))
        .hasMessage("no price for A");
  }

  @Test
  void pricingIsDeterministicAndInRange() {
    String prices = PriceList.of(List.of("SKU-100", "SKU-113"));
    assertThat(prices).isEqualTo(PriceList.of(List.of("SKU-100", "SKU-113")));
    assertThat(prices).matches("SKU-100=\\d{1,2}\\.\\d\\d\nSKU-113=\\d{1,2}\\.\\d\\d\n");
  }
}
