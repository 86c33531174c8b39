package org.dhakira.harvest;

import java.util.Optional;

/** What a peer promises about deletions (OAI-PMH 2.0, 2.5.1): whether its tombstones can be trusted to arrive. */
public enum DeletedRecord {
    NO, TRANSIENT, PERSISTENT;

    public static Optional<DeletedRecord> find(String spelling) {
        for (DeletedRecord d : values()) if (d.name().equalsIgnoreCase(spelling.strip())) return Optional.of(d);
        return Optional.empty();
    }
}
