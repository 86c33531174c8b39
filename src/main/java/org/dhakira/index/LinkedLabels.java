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
    /** The record whose document is being built, and, in this batch, which records' documents read whose labels. */
    private RecordId building;
    private final Map<Node, java.util.Set<RecordId>> readInBatch = new java.util.HashMap<>();

    LinkedLabels(RecordStore store) {
        this.store = store;
    }

    /** Runs {@code work} reading labels through {@code current}'s transaction. */
    <T> T within(Batch current, RecordId id, Supplier<T> work) {
        batch = current;
        building = id;
        try {
            return work.get();
        } finally {
            batch = null;
            building = null;
        }
    }

    /**
     * The records of this batch whose documents were built before {@code id} was in the store or the batch, so
     * without its names: a load names an organisation on one line and brings it on a later one, and those documents
     * must be built again to be found by its name. Forgets them.
     */
    java.util.Set<RecordId> builtBefore(RecordId id) {
        java.util.Set<RecordId> readers = readInBatch.remove(NodeFactory.createURI(store.uris().iri(id)));
        return readers == null ? java.util.Set.of() : readers;
    }

    /** The batch has ended: what its documents read is no longer needed. */
    void batchEnded() {
        readInBatch.clear();
    }

    List<String> of(Node thing) {
        if (!thing.isURI()) return List.of();
        List<String> labels = cache.get(thing);
        if (labels == null) {
            labels = read(thing);
            cache.put(thing, labels);
        }
        // Only a record not there yet is remembered (the documents of a million-record load name millions of records).
        if (labels.isEmpty() && building != null) readInBatch.computeIfAbsent(thing, t -> new java.util.HashSet<>()).add(building);
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
