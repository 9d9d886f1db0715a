package io.isolane.sessimulator.state;

import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.stream.Stream;

/**
 * The most recent items of something the read API shows (sent messages, events, deliveries). It
 * holds at most its capacity, dropping the oldest, so a load test cannot exhaust memory.
 *
 * @param <T> item type
 */
public final class History<T> {
  private final LinkedBlockingDeque<T> items;

  public History(int capacity) {
    this.items = new LinkedBlockingDeque<>(capacity);
  }

  public void add(T item) {
    while (!items.offerLast(item)) {
      items.pollFirst();
    }
  }

  public Stream<T> stream() {
    return items.stream();
  }

  public List<T> list() {
    return List.copyOf(items);
  }

  public int size() {
    return items.size();
  }
}
