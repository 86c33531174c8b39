package org.dhakira.harvest.crosswalk;

import java.util.List;
import java.util.Objects;

import org.apache.jena.graph.Graph;
import org.dhakira.store.RecordId;
import org.dhakira.vocab.Kind;

/**
 * What a crosswalk made of one harvested record. Every outcome names the local record, so that a refusal can be
 * reported against it and a peer's deletion become its tombstone.
 *
 * <pre>{@code Mapping m = crosswalk.map(peer, base, names, record);
 * if (m instanceof Mapping.Mapped mapped) batch.put(mapped.id(), mapped.graph());
 * else if (m instanceof Mapping.Withdrawn) batch.delete(m.id());
 * else report.refused(peer, m.id(), ((Mapping.Refused) m).problems());}</pre>
 */
public sealed interface Mapping permits Mapping.Mapped, Mapping.Refused, Mapping.Withdrawn {

    RecordId id();

    /**
     * A record in the archive's vocabulary, valid by the archive's shapes.
     *
     * @param notes what was left out or kept only in a standard property (an unreadable date, an unmapped type):
     *              the record is good without it, but a librarian may want to know
     */
    record Mapped(RecordId id, Graph graph, List<Problem> notes) implements Mapping {
        public Mapped {
            document(id);
            Objects.requireNonNull(graph, "graph");
            notes = List.copyOf(notes);
        }
    }

    /** A record that cannot be taken in, and every reason why (never empty). */
    record Refused(RecordId id, List<Problem> problems) implements Mapping {
        public Refused {
            document(id);
            problems = List.copyOf(problems);
            if (problems.isEmpty()) throw new IllegalArgumentException("a refusal needs at least one problem");
        }
    }

    /** The peer deleted the record: it becomes a tombstone here. */
    record Withdrawn(RecordId id) implements Mapping {
        public Withdrawn {
            document(id);
        }
    }

    private static void document(RecordId id) {
        Objects.requireNonNull(id, "id");
        if (id.kind() != Kind.DOCUMENT) throw new IllegalArgumentException("harvested records are documents, not " + id.kind().segment() + "s");
    }
}
