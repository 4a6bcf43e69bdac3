package dev.weft.instrumentation.httpurlconnection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeakIdentityMapTest {

  @Test
  void keysCompareByIdentity() {
    WeakIdentityMap<List<String>, String> map = new WeakIdentityMap<>();
    List<String> a = new ArrayList<>();
    List<String> equalToA = new ArrayList<>();

    map.put(a, "a");

    assertThat(map.get(a)).isEqualTo("a");
    assertThat(map.get(equalToA)).isNull();
    map.put(a, "a2");
    assertThat(map.get(a)).isEqualTo("a2");
    assertThat(map.size()).isEqualTo(1);
  }

  @Test
  void entriesGoWhenTheirKeysAreCollected() throws Exception {
    WeakIdentityMap<Object, String> map = new WeakIdentityMap<>();
    Object kept = new Object();
    map.put(kept, "kept");
    for (int i = 0; i < 100; i++) {
      map.put(new Object(), "dropped");
    }

    for (int i = 0; i < 50 && map.size() > 1; i++) {
      System.gc();
      Thread.sleep(20);
    }

    assertThat(map.size()).isEqualTo(1);
    assertThat(map.get(kept)).isEqualTo("kept");
  }
}
