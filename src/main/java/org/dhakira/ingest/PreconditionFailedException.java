package org.dhakira.ingest;

import org.dhakira.store.RecordId;

/**
 * A write refused because a record is not at the version the writer said it read (an {@code If-Match} that no
 * longer holds): someone changed it in between, and writing now would lose their change. Nothing was written.
 */
public final class PreconditionFailedException extends Exception {

    private final RecordId id;
    private final long lastChange;

    /** @param lastChange the record's last change as the write found it; 0 when the store never had it */
    public PreconditionFailedException(RecordId id, long lastChange, String reason) {
        super(id + ": " + reason + "; nothing was written");
        this.id = id;
        this.lastChange = lastChange;
    }

    public RecordId id() {
        return id;
    }

    public long lastChange() {
        return lastChange;
    }
}
