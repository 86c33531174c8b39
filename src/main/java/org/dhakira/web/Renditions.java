package org.dhakira.web;

import java.time.Instant;
import java.util.Objects;

import org.dhakira.store.RecordId;
import org.dhakira.store.UntilChange;

/**
 * Descriptions as sent, by thing, format and page language, kept for as long as the store does not change (a
 * description shows the names of linked records and the records linking back, so any change may alter any), in
 * an {@link UntilChange} bounded by the bytes held.
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

    private final UntilChange<Key, Rendition> held;

    /** @param capacity the most bytes of bodies held; 0 keeps nothing */
    Renditions(long capacity) {
        this.held = new UntilChange<>(capacity, r -> r.body().length);
    }

    /** The rendition made at store position {@code at}, if one is held. */
    Rendition get(long at, Key key) {
        return held.get(at, key);
    }

    void put(long at, Key key, Rendition r) {
        held.put(at, key, r);
    }
}
