package dev.weft.sdk.internal;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded, lock-free, array-based queue for many producers and one consumer.
 *
 * <p>{@link #offer} never blocks and never allocates: a producer claims a slot by CAS on the
 * producer index (failing fast when {@code capacity} elements are queued), then publishes the
 * element with a release store. The single consumer reads slots in order; a claimed slot whose
 * element is not yet visible is awaited briefly (its producer is between two instructions). The
 * array is a power of two for masking, but the bound is exactly {@code capacity}.
 *
 * <p>{@link #poll} and {@link #drainTo} must only ever be called from one thread at a time.
 */
public final class BoundedMpscQueue<E> {

  @SuppressWarnings("rawtypes")
  private static final AtomicLongFieldUpdater<BoundedMpscQueue> PRODUCER_INDEX =
      AtomicLongFieldUpdater.newUpdater(BoundedMpscQueue.class, "producerIndex");

  @SuppressWarnings("rawtypes")
  private static final AtomicLongFieldUpdater<BoundedMpscQueue> CONSUMER_INDEX =
      AtomicLongFieldUpdater.newUpdater(BoundedMpscQueue.class, "consumerIndex");

  private final AtomicReferenceArray<E> buffer;
  private final int mask;
  private final int capacity;
  // Next slot a producer will claim; only ever grows.
  private volatile long producerIndex;
  // Next slot the consumer will read; written by the consumer only.
  private volatile long consumerIndex;

  public BoundedMpscQueue(int capacity) {
    if (capacity < 1 || capacity > (1 << 30)) {
      throw new IllegalArgumentException("capacity must be in [1, 2^30], was " + capacity);
    }
    int length = Integer.highestOneBit(capacity);
    if (length < capacity) {
      length <<= 1;
    }
    this.buffer = new AtomicReferenceArray<>(length);
    this.mask = length - 1;
    this.capacity = capacity;
  }

  /** Adds {@code element} (not null) unless the queue is full; never blocks. */
  public boolean offer(E element) {
    if (element == null) {
      throw new NullPointerException("element");
    }
    long claimed;
    do {
      claimed = producerIndex;
      if (claimed - consumerIndex >= capacity) {
        return false;
      }
    } while (!PRODUCER_INDEX.compareAndSet(this, claimed, claimed + 1));
    buffer.lazySet((int) claimed & mask, element);
    return true;
  }

  /** The oldest element, or null when empty. Consumer thread only. */
  public E poll() {
    long index = consumerIndex;
    int slot = (int) index & mask;
    E element = buffer.get(slot);
    if (element == null) {
      if (index == producerIndex) {
        return null;
      }
      element = awaitPublished(slot);
    }
    buffer.lazySet(slot, null);
    // Release: a producer that sees the new index also sees the slot cleared.
    CONSUMER_INDEX.lazySet(this, index + 1);
    return element;
  }

  /** Moves up to {@code max} elements into {@code sink}; returns how many. Consumer thread only. */
  public int drainTo(Collection<? super E> sink, int max) {
    int moved = 0;
    while (moved < max) {
      E element = poll();
      if (element == null) {
        break;
      }
      sink.add(element);
      moved++;
    }
    return moved;
  }

  /** Elements queued now (a moment's estimate while producers are active). */
  public int size() {
    // Read the consumer first: the producer index read after it can only be larger.
    long consumed = consumerIndex;
    long produced = producerIndex;
    long size = produced - consumed;
    return (int) Math.max(0, Math.min(size, capacity));
  }

  public int capacity() {
    return capacity;
  }

  private E awaitPublished(int slot) {
    E element;
    int spins = 0;
    while ((element = buffer.get(slot)) == null) {
      if (++spins < 100) {
        Thread.onSpinWait();
      } else {
        Thread.yield(); // the producer was descheduled between its CAS and its store
      }
    }
    return element;
  }

  @Override
  public String toString() {
    return "BoundedMpscQueue{size=" + size() + ", capacity=" + capacity + "}";
  }
}
