package org.dhakira.harvest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A harvested record's OAI header: its identifier at the peer, datestamp, whether it is deleted, and its sets. */
public record RecordHeader(String identifier, Instant datestamp, boolean deleted, List<String> setSpecs) {
    public RecordHeader {
        if (identifier == null || identifier.isBlank()) throw new IllegalArgumentException("a record header needs an identifier");
        Objects.requireNonNull(datestamp, "datestamp");
        setSpecs = List.copyOf(setSpecs);
    }
}
