package dev.weft.core.api.baggage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.bootstrap.context.Context;
import dev.weft.bootstrap.context.Scope;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // a scope opened only for its effect on the current context
class BaggageTest {

  @Test
  void emptyByDefault() {
    assertThat(Baggage.fromContext(Context.root())).isSameAs(Baggage.empty());
    assertThat(Baggage.current()).isSameAs(Baggage.empty());
    assertThat(Baggage.empty().size()).isZero();
    assertThat(Baggage.empty().isEmpty()).isTrue();
    assertThat(Baggage.builder().build()).isSameAs(Baggage.empty());
  }

  @Test
  void keepsInsertionOrderAndReplacesInPlace() {
    Baggage baggage = Baggage.builder().put("b", "1").put("a", "2", "ttl=3").put("b", "9").build();
    assertThat(baggage.size()).isEqualTo(2);
    assertThat(baggage.nameAt(0)).isEqualTo("b");
    assertThat(baggage.valueAt(0)).isEqualTo("9");
    assertThat(baggage.metadataAt(0)).isNull();
    assertThat(baggage.nameAt(1)).isEqualTo("a");
    assertThat(baggage.metadataAt(1)).isEqualTo("ttl=3");
    assertThat(baggage.get("a")).isEqualTo("2");
    assertThat(baggage.getMetadata("a")).isEqualTo("ttl=3");
    assertThat(baggage.get("missing")).isNull();
    assertThat(baggage.getMetadata("missing")).isNull();
    assertThat(baggage).hasToString("Baggage{b=9, a=2;ttl=3}");
  }

  @Test
  void ignoresNullsAndEmptyNames() {
    Baggage baggage =
        Baggage.builder().put(null, "x").put("", "x").put("k", null).put("m", "v", "").build();
    assertThat(baggage.size()).isEqualTo(1);
    assertThat(baggage.metadataAt(0)).isNull();
    assertThat(baggage.get(null)).isNull();
  }

  @Test
  void toBuilderLeavesTheOriginalAlone() {
    Baggage original = Baggage.builder().put("a", "1").put("b", "2").build();
    Baggage changed = original.toBuilder().remove("a").put("c", "3").build();
    assertThat(original.size()).isEqualTo(2);
    assertThat(original.get("a")).isEqualTo("1");
    assertThat(changed.size()).isEqualTo(2);
    assertThat(changed.nameAt(0)).isEqualTo("b");
    assertThat(changed.nameAt(1)).isEqualTo("c");
    assertThat(original.toBuilder().remove("zz").build()).isEqualTo(original);
  }

  @Test
  void storedInAndReadFromContext() {
    Baggage baggage = Baggage.builder().put("a", "1").build();
    Context context = baggage.storeInContext(Context.root());
    assertThat(Baggage.fromContext(context)).isSameAs(baggage);
    try (Scope scope = context.makeCurrent()) {
      assertThat(Baggage.current()).isSameAs(baggage);
    }
    assertThat(Baggage.current()).isSameAs(Baggage.empty());
  }

  @Test
  void equalsByEntries() {
    Baggage one = Baggage.builder().put("a", "1", "m").build();
    Baggage two = Baggage.builder().put("a", "1", "m").build();
    assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
    assertThat(one).isNotEqualTo(Baggage.builder().put("a", "1").build());
  }

  @Test
  void indexOutOfRangeThrows() {
    Baggage baggage = Baggage.builder().put("a", "1").build();
    assertThatThrownBy(() -> baggage.nameAt(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> baggage.valueAt(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
