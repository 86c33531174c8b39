package org.dhakira.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

/**
 * A record as the store holds it: its graph (a tombstone's graph when deleted), the sequence number of its
 * last change and that change's datestamp. A tombstone also tells the document type and grade its record had.
 */
public record StoredRecord(RecordId id, long sequence, Instant datestamp, boolean deleted, Graph graph, List<Node> formerTerms) {
    public StoredRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(datestamp, "datestamp");
        Objects.requireNonNull(graph, "graph");
        formerTerms = List.copyOf(formerTerms);
        if (sequence < 1) throw new IllegalArgumentException("sequence must be positive, was " + sequence);
    }
}
