package org.dhakira.oai;

import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;
import org.dhakira.store.UntilChange;
import org.dhakira.vocab.Arch;
import org.dhakira.vocab.Kind;

/**
 * The names (or titles), by language, of the records a record links to, as one store snapshot has them. A
 * harvest asks for the same issuers and organisations on page after page, and each lookup costs TDB2 index
 * reads, so names are kept in an {@link UntilChange} shared by all pages for as long as the store does not change
 * (a renamed organisation is never shown under its old name).
 */
final class LinkedNames {

    private final RecordStore.Snapshot snapshot;
    private final org.dhakira.store.UriSpace uris;
    private final UntilChange<Node, Map<String, String>> cache;
    private final long position;

    /** @param position the snapshot's {@link RecordStore.Snapshot#position()}, which the caller has already read */
    LinkedNames(RecordStore.Snapshot snapshot, long position, org.dhakira.store.UriSpace uris, UntilChange<Node, Map<String, String>> cache) {
        this.snapshot = snapshot;
        this.uris = uris;
        this.cache = cache;
        this.position = position;
    }

    /** Language tag → name; empty for a thing that is not a live record of this archive. */
    Map<String, String> of(Node thing) {
        Map<String, String> names = cache.get(position, thing);
        if (names == null) {
            names = read(thing);
            cache.put(position, thing, names);
        }
        return names;
    }

    /**
     * One lookup: the titles of documents and chronicle entries, the names of the rest (as the shapes require).
     * A tombstone has neither, so it has no names.
     */
    private Map<String, String> read(Node thing) {
        if (!thing.isURI()) return Map.of();
        Optional<RecordId> id = uris.id(thing.getURI());
        if (id.isEmpty()) return Map.of();
        Node property = id.get().kind() == Kind.DOCUMENT || id.get().kind() == Kind.EVENT ? Arch.title : Arch.name;
        Map<String, String> names = new java.util.TreeMap<>();
        for (Node o : snapshot.values(id.get(), property)) {
            if (o.isLiteral()) names.putIfAbsent(o.getLiteralLanguage(), o.getLiteralLexicalForm());
        }
        return Map.copyOf(names);
    }
}
