package org.dhakira.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
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

    /**
     * What an entry carries of a record it names: the record's names, and a fingerprint of them as the index
     * analyses them (Arabic normalised, case and accents folded, in any order), so that a change the index cannot
     * see — a diacritic, a tatweel, another alef, "SYRIA" for "Syria" — gives the same fingerprint and re-indexes
     * nothing.
     */
    record Names(List<String> labels, String fingerprint) {
        static final Names NONE = of(List.of());

        Names {
            labels = List.copyOf(labels);
        }

        static Names of(List<String> labels) {
            return new Names(labels, LinkedLabels.fingerprint(labels));
        }
    }

    /** The analysis linked names get in the entries that carry them ({@link Fields#NAMES}, {@link Fields#ISSUER}). */
    private static final Analyzer ANALYSIS = new Analyzers.Names();

    private final RecordStore store;
    private final Map<Node, Names> cache = Collections.synchronizedMap(new LinkedHashMap<>(1 << 16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Node, Names> eldest) {
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

    Names of(Node thing) {
        if (!thing.isURI()) return Names.NONE;
        Names names = cache.get(thing);
        if (names == null) {
            names = read(thing);
            cache.put(thing, names);
        }
        // Only a record not there yet is remembered (the documents of a million-record load name millions of records).
        if (names.labels().isEmpty() && building != null) readInBatch.computeIfAbsent(thing, t -> new java.util.HashSet<>()).add(building);
        return names;
    }

    void forget(RecordId id) {
        cache.remove(NodeFactory.createURI(store.uris().iri(id)));
    }

    void forgetAll() {
        cache.clear();
    }

    private Names read(Node thing) {
        Optional<RecordId> id = store.uris().id(thing.getURI());
        if (id.isEmpty()) return Names.NONE;
        return in(thing, batch != null ? batch.find(id.get()) : store.find(id.get()));
    }

    /** The names {@code thing}'s record gives the entries naming it, as {@code record} holds them: none when absent or deleted. */
    static Names in(Node thing, Optional<StoredRecord> record) {
        if (record.isEmpty() || record.get().deleted()) return Names.NONE;
        return in(thing, record.get().graph());
    }

    /** The names {@code thing} has in {@code g}, its record's graph. */
    static Names in(Node thing, Graph g) {
        List<String> labels = new ArrayList<>();
        for (Node p : new Node[] {Arch.name, Arch.title, Arch.alias}) {
            for (Triple t : g.find(thing, p, Node.ANY).toList()) labels.add(t.getObject().getLiteralLexicalForm());
        }
        return labels.isEmpty() ? Names.NONE : Names.of(labels);
    }

    /** 96 bits of SHA-256 over the names' terms, each name's terms on a line, the lines sorted: 16 characters. */
    static String fingerprint(List<String> labels) {
        List<String> analysed = new ArrayList<>(labels.size());
        for (String label : labels) analysed.add(terms(label));
        Collections.sort(analysed);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String line : analysed) sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(sha.digest(), 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String terms(String label) {
        StringBuilder out = new StringBuilder();
        try (TokenStream ts = ANALYSIS.tokenStream(Fields.NAMES, label)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.append(term).append(' ');
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse a name", e); // a string reader does not fail
        }
        return out.toString();
    }
}
