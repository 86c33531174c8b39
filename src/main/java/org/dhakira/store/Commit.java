package org.dhakira.store;

import java.time.Instant;

/**
 * What one committed batch did: the sequence numbers it used (none when nothing changed), how many records
 * it wrote or deleted, how many it left alone because they were unchanged, and the store's last datestamp.
 */
public record Commit(long firstSequence, long lastSequence, int written, int deleted, int unchanged, Instant datestamp) {
    public boolean changedAnything() {
        return written + deleted > 0;
    }
}
