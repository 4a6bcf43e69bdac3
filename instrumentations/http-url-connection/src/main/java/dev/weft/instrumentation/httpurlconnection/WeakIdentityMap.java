package dev.weft.instrumentation.httpurlconnection;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A concurrent map from objects, compared by identity and held weakly, to values: per-object state
 * for classes that cannot get a field. An entry goes when its key is collected (cleared entries are
 * purged on the next put). Lookups take no lock; each allocates one small probe.
 */
final class WeakIdentityMap<K, V> {

  private final ConcurrentHashMap<Object, V> map = new ConcurrentHashMap<>();
  private final ReferenceQueue<K> collected = new ReferenceQueue<>();

  V get(K key) {
    return map.get(new Probe(key));
  }

  void put(K key, V value) {
    purge();
    map.put(new WeakKey<>(key, collected), value);
  }

  int size() {
    purge();
    return map.size();
  }

  private void purge() {
    for (Reference<? extends K> cleared; (cleared = collected.poll()) != null; ) {
      map.remove(cleared);
    }
  }

  /** The stored key: equal to itself (also once cleared) and to keys of the same referent. */
  private static final class WeakKey<K> extends WeakReference<K> {
    private final int hash;

    WeakKey(K key, ReferenceQueue<K> queue) {
      super(key, queue);
      this.hash = System.identityHashCode(key);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (other == this) {
        return true;
      }
      Object referent = get();
      if (referent == null) {
        return false;
      }
      if (other instanceof Probe) {
        return ((Probe) other).key == referent;
      }
      return other instanceof WeakKey && ((WeakKey<?>) other).get() == referent;
    }
  }

  /** A lookup key, never stored. */
  private static final class Probe {
    private final Object key;

    Probe(Object key) {
      this.key = key;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(key);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof WeakKey && ((WeakKey<?>) other).get() == key;
    }
  }
}
