package org.dhakira.oai;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;
import org.dhakira.vocab.Arch;

/**
 * The names (or titles), by language, of the records a record links to, read from the same snapshot as the page
 * they appear in, and remembered for the page: a hundred documents of one issuer ask for its name a hundred times.
 */
final class LinkedNames {

    private final RecordStore.Snapshot snapshot;
    private final String base;
    private final Map<Node, Map<String, String>> seen = new HashMap<>();

    LinkedNames(RecordStore.Snapshot snapshot, String base) {
        this.snapshot = snapshot;
        this.base = base;
    }

    /** Language tag → name; empty for a thing that is not a live record of this archive. */
    Map<String, String> of(Node thing) {
        return seen.computeIfAbsent(thing, this::read);
    }

    /** Only the name and title triples are read; a tombstone has neither, so it has no names. */
    private Map<String, String> read(Node thing) {
        if (!thing.isURI()) return Map.of();
        Optional<RecordId> id = RecordId.fromIri(base, thing.getURI());
        if (id.isEmpty()) return Map.of();
        Map<String, String> names = new java.util.TreeMap<>();
        for (Node p : new Node[] {Arch.name, Arch.title}) {
            for (Node o : snapshot.values(id.get(), p)) {
                if (o.isLiteral()) names.putIfAbsent(o.getLiteralLanguage(), o.getLiteralLexicalForm());
            }
        }
        return names;
    }
}
