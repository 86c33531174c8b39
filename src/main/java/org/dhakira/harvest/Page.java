package org.dhakira.harvest;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One ListRecords response: its records and the token for the rest. Committing the records and {@link #next()}
 * together is what makes a harvest resumable.
 *
 * @param next empty on the last page (no token element, or an empty one)
 * @param completeListSize when the peer says (many do not)
 */
public record Page(List<HarvestedRecord> records, Optional<ResumptionToken> next, OptionalLong completeListSize) {
    public Page {
        records = List.copyOf(records);
        if (next == null || completeListSize == null) throw new NullPointerException("next and completeListSize are Optional, not null");
    }

    public boolean isLast() {
        return next.isEmpty();
    }
}
