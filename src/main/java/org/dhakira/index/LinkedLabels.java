package org.dhakira.index;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.dhakira.store.Batch;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;
import org.dhakira.store.StoredRecord;
import org.dhakira.vocab.Arch;

/**
 * Names, titles and aliases of the records a document links to, which the document is indexed under. Cached,
 * because the same organisations and persons are named by thousands of documents: a record's entry is dropped
 * when the record changes, and all of them when a batch is aborted. During a batch they are read as the batch
 * sees them (its transaction belongs to the writing thread, which is where indexing documents are built).
 */
final class LinkedLabels {

    private static final int CAPACITY = 200_000;

    private final RecordStore store;
    private final Map<Node, List<String>> cache = Collections.synchronizedMap(new LinkedHashMap<>(1 << 16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Node, List<String>> eldest) {
            return size() > CAPACITY;
        }
    });
    private Batch batch;

    LinkedLabels(RecordStore store) {
        this.store = store;
    }

    /** Runs {@code work} reading labels through {@code current}'s transaction. */
    <T> T within(Batch current, Supplier<T> work) {
        batch = current;
        try {
            return work.get();
        } finally {
            batch = null;
        }
    }

    List<String> of(Node thing) {
        if (!thing.isURI()) return List.of();
        List<String> cached = cache.get(thing);
        if (cached != null) return cached;
        List<String> labels = read(thing);
        cache.put(thing, labels);
        return labels;
    }

    void forget(RecordId id) {
        cache.remove(NodeFactory.createURI(store.uris().iri(id)));
    }

    void forgetAll() {
        cache.clear();
    }

    private List<String> read(Node thing) {
        Optional<RecordId> id = store.uris().id(thing.getURI());
        if (id.isEmpty()) return List.of();
        Optional<StoredRecord> r = batch != null ? batch.find(id.get()) : store.find(id.get());
        if (r.isEmpty() || r.get().deleted()) return List.of();
        List<String> labels = new ArrayList<>();
        Graph g = r.get().graph();
        for (Node p : new Node[] {Arch.name, Arch.title, Arch.alias}) {
            for (Triple t : g.find(thing, p, Node.ANY).toList()) labels.add(t.getObject().getLiteralLexicalForm());
        }
        return List.copyOf(labels);
    }
}
