package org.dhakira.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.dhakira.store.RecordId;

/**
 * Descriptions as sent, by thing, format and page language, kept for as long as the store does not change: a
 * description shows the names of linked records and the records linking back, so any change may alter any
 * description, and the whole store position is the only key that needs no bookkeeping of who links to whom.
 * Bounded by the bytes held, least recently used out first.
 */
final class Renditions {

    /** {@code ui} is the page language ("" for RDF); {@code chosen} when the reader chose it, which the page's links carry. */
    record Key(RecordId id, Representation format, String ui, boolean chosen) {}

    /** A body and its validators; {@code deleted} for a tombstone's (410). */
    record Rendition(byte[] body, String etag, Instant lastModified, boolean deleted) {
        Rendition {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(etag, "etag");
            Objects.requireNonNull(lastModified, "lastModified");
        }
    }

    private final long capacity;
    private long bytes;
    private long position = -1;
    private final Map<Key, Rendition> held = new LinkedHashMap<>(1 << 10, 0.75f, true);

    /** @param capacity the most bytes of bodies held; 0 keeps nothing */
    Renditions(long capacity) {
        if (capacity < 0) throw new IllegalArgumentException("capacity must not be negative, was " + capacity);
        this.capacity = capacity;
    }

    /** The rendition made at store position {@code at}, if one is held. */
    synchronized Rendition get(long at, Key key) {
        return at == position ? held.get(key) : null;
    }

    synchronized void put(long at, Key key, Rendition r) {
        if (at < position || r.body().length > capacity) return; // made from a snapshot the store has moved past
        if (at > position) {
            held.clear();
            bytes = 0;
            position = at;
        }
        Rendition old = held.put(key, r);
        bytes += r.body().length - (old == null ? 0 : old.body().length);
        var eldest = held.entrySet().iterator();
        while (bytes > capacity && eldest.hasNext()) {
            bytes -= eldest.next().getValue().body().length;
            eldest.remove();
        }
    }
}
