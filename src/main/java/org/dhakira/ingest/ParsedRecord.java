package org.dhakira.ingest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.dhakira.store.RecordId;

/**
 * One record as read from a file, before it is checked against the store: its identity (absent when the input
 * did not give a usable one), its graph, the records it names, and what the reader already found wrong.
 *
 * @param deletion     true for a request to delete the record ({@code {"id": …, "deleted": true}})
 * @param fieldLines   the line each property's value was read from, for messages (JSON only)
 */
public record ParsedRecord(String source, long line, Optional<RecordId> id, boolean deletion, Graph graph,
                           List<Reference> references, List<Problem> problems, Map<Node, Long> fieldLines) {

    /** A link from this record to another record of the archive, which must exist and be of a kind the property allows. */
    public record Reference(RecordId target, Node property, String field, long line) {}

    /**
     * A deletion that carries the tombstone itself, as exports write deleted records: it may name a record this
     * archive never had (a copy of a deletion elsewhere), where a bare {@code "deleted": true} may not.
     */
    public boolean importsTombstone() {
        return deletion && !graph.isEmpty();
    }

    /** Input that could not be read as a record at all, carrying why. */
    static ParsedRecord failed(String source, long line, String reason) {
        return new ParsedRecord(source, line, Optional.empty(), false, org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph(),
                List.of(), List.of(new Problem(source, line, "", "", reason)), Map.of());
    }

    /** How the record is named in messages: its id, or where it starts. */
    public String label() {
        return id.map(RecordId::path).orElse(line > 0 ? "record at line " + line : "record");
    }

    public long lineOf(Node property) {
        return fieldLines.getOrDefault(property, line);
    }
}
