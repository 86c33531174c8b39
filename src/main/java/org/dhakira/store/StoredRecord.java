package org.dhakira.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.mem2.GraphMem2Roaring;
import org.apache.jena.mem2.IndexingStrategy;

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

    /**
     * An empty graph for one record's statements, or for a description made of them: dozens of statements, a few
     * hundred at most, for which a set filtered on each find costs less than the three indexes Jena's default graph
     * keeps up as it is filled (those made a first read of a record a quarter slower).
     */
    public static Graph newGraph() {
        return new GraphMem2Roaring(IndexingStrategy.MINIMAL);
    }
}
