package org.dhakira.store;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Values read from one state of the store, kept until the store changes: any change empties it, so whatever a
 * value was derived from (a linked record's name, the records that link to one) never needs bookkeeping of its
 * own. Bounded by the total weight of what it holds, least recently used out first; a value read from a
 * snapshot the store has already moved past is not kept.
 *
 * <pre>{@code UntilChange<RecordId, String> names = new UntilChange<>(100_000, v -> 1);
 * String n = names.get(snapshot.position(), id);}</pre>
 */
public final class UntilChange<K, V> {

    private final long capacity;
    private final ToLongFunction<V> weight;
    private long position = -1;
    private long held;
    private final Map<K, V> values = new LinkedHashMap<>(1 << 10, 0.75f, true);

    /** @param capacity the most weight held; 0 keeps nothing */
    public UntilChange(long capacity, ToLongFunction<V> weight) {
        if (capacity < 0) throw new IllegalArgumentException("capacity must not be negative, was " + capacity);
        this.capacity = capacity;
        this.weight = weight;
    }

    /** The value kept for {@code key} at store position {@code at}, or null. */
    public synchronized V get(long at, K key) {
        return at == position ? values.get(key) : null;
    }

    public synchronized void put(long at, K key, V value) {
        long w = weight.applyAsLong(value);
        if (at < position || w > capacity) return;
        if (at > position) {
            values.clear();
            held = 0;
            position = at;
        }
        V old = values.put(key, value);
        held += w - (old == null ? 0 : weight.applyAsLong(old));
        for (Iterator<V> eldest = values.values().iterator(); held > capacity && eldest.hasNext(); ) {
            held -= weight.applyAsLong(eldest.next());
            eldest.remove();
        }
    }
}
