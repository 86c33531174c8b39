package org.dhakira.store;

import java.time.Instant;
import java.util.Objects;

import org.apache.jena.graph.Graph;

/**
 * A record as the store holds it: its graph (a tombstone's graph when deleted), the sequence number of its
 * last change and that change's datestamp.
 */
public record StoredRecord(RecordId id, long sequence, Instant datestamp, boolean deleted, Graph graph) {
    public StoredRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(datestamp, "datestamp");
        Objects.requireNonNull(graph, "graph");
        if (sequence < 1) throw new IllegalArgumentException("sequence must be positive, was " + sequence);
    }
}
