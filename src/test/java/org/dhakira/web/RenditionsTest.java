package org.dhakira.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;

import org.dhakira.store.RecordId;
import org.junit.jupiter.api.Test;

/** What the record pages keep between requests, and when they let it go. */
class RenditionsTest {

    static final Renditions.Key A = new Renditions.Key(RecordId.parse("document/a"), Representation.TURTLE, "", false);
    static final Renditions.Key B = new Renditions.Key(RecordId.parse("document/b"), Representation.TURTLE, "", false);
    static final Renditions.Key A_HTML = new Renditions.Key(RecordId.parse("document/a"), Representation.HTML, "ar", false);

    static Renditions.Rendition body(int bytes) {
        return new Renditions.Rendition(new byte[bytes], "x", Instant.EPOCH, false);
    }

    @Test
    void aRenditionServesOnlyTheStoreStateItWasMadeFrom() {
        Renditions r = new Renditions(1000);
        Renditions.Rendition made = body(10);
        r.put(5, A, made);
        assertEquals(made, r.get(5, A));
        assertNull(r.get(5, A_HTML), "each format and language its own");
        assertNull(r.get(6, A), "after any change, nothing held is current");
        r.put(6, B, body(10));
        assertNull(r.get(5, A), "a newer state empties what the older one held");
    }

    @Test
    void aRenditionFromASnapshotTheStoreHasPassedIsNotKept() {
        Renditions r = new Renditions(1000);
        r.put(7, A, body(10));
        r.put(6, B, body(10));
        assertNull(r.get(6, B));
        assertEquals(10, r.get(7, A).body().length);
    }

    @Test
    void theLeastRecentlyUsedGoFirstWhenTheBytesRunOut() {
        Renditions r = new Renditions(25);
        r.put(1, A, body(10));
        r.put(1, B, body(10));
        r.get(1, A);
        r.put(1, A_HTML, body(10));
        assertNull(r.get(1, B), "B was used least recently");
        assertEquals(10, r.get(1, A).body().length);
        assertEquals(10, r.get(1, A_HTML).body().length);
        r.put(1, B, body(26));
        assertNull(r.get(1, B), "a body larger than the whole capacity is not kept");
        assertNull(new Renditions(0).get(1, A));
    }
}
