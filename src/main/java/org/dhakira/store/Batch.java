package org.dhakira.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.dhakira.vocab.Arch;

/**
 * One write transaction on the store. Every change gets the next sequence number and a datestamp that is the
 * later of now and the previous change's, so ordering by sequence is ordering by datestamp. Nothing is visible
 * to readers until {@link #commit()}; closing without committing rolls everything back.
 *
 * Not thread-safe: a batch belongs to the thread that began it (TDB2 binds transactions to threads).
 */
public final class Batch implements AutoCloseable {

    private static final Node TYPE = RDF.type.asNode();

    private final RecordStore store;
    private final DatasetGraph dsg;
    private final long startSequence;
    private long sequence;
    private Instant datestamp;
    private int written;
    private int deleted;
    private int unchanged;
    private boolean open = true;

    Batch(RecordStore store) {
        this.store = store;
        this.dsg = store.rawDataset().asDatasetGraph();
        RecordStore.Position p = RecordStore.position(dsg);
        this.startSequence = p.sequence();
        this.sequence = p.sequence();
        this.datestamp = p.datestamp().orElse(Instant.EPOCH);
    }

    /**
     * Writes {@code record} as the whole content of the record {@code id}, replacing what it had. The graph
     * is taken as given (validated by the caller); its super-terms are added here. A record whose content is
     * unchanged keeps its sequence number and datestamp, so reloading a file does not make harvesters fetch
     * it again.
     *
     * @throws IllegalStateException if the record was deleted: identifiers are never reused
     */
    public void put(RecordId id, Graph record) {
        checkOpen();
        Node g = NodeFactory.createURI(store.uris().iri(id));
        if (RecordStore.systemValue(dsg, g, Sys.deleted).isPresent()) {
            throw new IllegalStateException(id + " was deleted; its identifier is never reused");
        }
        Graph full = store.vocabulary().withSuperTerms(copyOf(record));
        if (RecordStore.systemValue(dsg, g, Sys.sequence).isPresent() && sameContent(g, full)) {
            unchanged++;
            return;
        }
        dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
        full.find().forEach(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
        Instant when = stamp(g, id);
        written++;
        announce(new Change(id, sequence, when, false, full, java.util.List.of()));
    }

    /**
     * Deletes the record {@code id}, leaving a tombstone: a graph that says what it was and when it went.
     * The document type, reliability grade and the peer a harvested record came from are kept in the bookkeeping
     * so the tombstone stays in the OAI sets the record was in. A record already deleted is left as it is. A record this store never had
     * gets a tombstone all the same (a copy of another archive's deletion): its identifier is taken from now on.
     */
    public void delete(RecordId id) {
        delete(id, java.util.Optional.empty());
    }

    /**
     * Deletes as {@link #delete(RecordId)} does, a harvested record's deletion: the tombstone is attributed to
     * {@code peer} (its {@code prov:wasAttributedTo}), even when this store never had the record, so it stays in
     * the set of the peer's records.
     */
    public void delete(RecordId id, Node peer) {
        delete(id, java.util.Optional.of(peer));
    }

    private void delete(RecordId id, java.util.Optional<Node> peer) {
        checkOpen();
        Node g = NodeFactory.createURI(store.uris().iri(id));
        if (RecordStore.systemValue(dsg, g, Sys.deleted).isPresent()) {
            unchanged++; // deleting what is deleted changes nothing, so reloading a change file is harmless
            return;
        }
        Set<Quad> kept = new HashSet<>();
        for (Node p : RecordStore.KEPT_BY_TOMBSTONES) {
            dsg.find(g, g, p, Node.ANY).forEachRemaining(q -> kept.add(Quad.create(Quad.defaultGraphIRI, g, p, q.getObject())));
        }
        peer.ifPresent(agent -> {
            kept.removeIf(q -> q.getPredicate().equals(org.dhakira.vocab.Prov.wasAttributedTo));
            kept.add(Quad.create(Quad.defaultGraphIRI, g, org.dhakira.vocab.Prov.wasAttributedTo, agent));
        });
        dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
        Instant when = stamp(g, id);
        Graph tombstone = GraphFactory.createDefaultGraph();
        tombstone.add(Triple.create(g, TYPE, Arch.Tombstone));
        tombstone.add(Triple.create(g, Arch.formerKind, id.kind().type()));
        tombstone.add(Triple.create(g, Arch.deletedAt, RecordStore.dateTime(when)));
        store.vocabulary().withSuperTerms(tombstone).find()
                .forEach(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
        kept.forEach(dsg::add);
        dsg.add(Quad.defaultGraphIRI, g, Sys.deleted, NodeFactory.createLiteralString("true"));
        deleted++;
        announce(new Change(id, sequence, when, true, tombstone, kept.stream().map(Quad::getObject).toList()));
    }

    /**
     * The name under which things whose URIs start with {@code originBase} are kept here (see {@link UriSpace}):
     * the one it already has, else {@code preferred}, else {@code preferred-2}, {@code -3}… when another origin has
     * that name or it is {@code reserved} (the key prefix of records minted here). A new origin is recorded with this batch.
     */
    public String origin(String originBase, String preferred, java.util.function.Predicate<String> reserved) {
        checkOpen();
        if (!originBase.endsWith("/")) throw new IllegalArgumentException("an origin's base URI must end with '/': " + originBase);
        UriSpace uris = store.uris();
        String name = uris.origin(originBase).orElse(null);
        if (name == null) {
            name = preferred;
            for (int n = 2; uris.originBase(name).isPresent() || reserved.test(name); n++) name = preferred + "-" + n;
        }
        Node subject = NodeFactory.createURI(Sys.ORIGIN + name);
        Node baseNode = NodeFactory.createURI(originBase);
        // Known to the URI space at once, so this batch can write the origin's things; a batch that rolls back
        // leaves the name reserved in memory and unrecorded, and the next batch that meets the origin records it.
        uris.add(name, originBase);
        if (!dsg.contains(Quad.defaultGraphIRI, subject, Sys.originBase, baseNode)) dsg.add(Quad.defaultGraphIRI, subject, Sys.originBase, baseNode);
        return name;
    }

    /**
     * Sets the state kept under {@code key} (a short text such as a harvest's checkpoint), committed with this
     * batch's records or not at all: what lets work that writes records in steps resume exactly where it stopped.
     */
    public void putState(String key, String value) {
        checkOpen();
        Node subject = RecordStore.stateSubject(key);
        dsg.deleteAny(Quad.defaultGraphIRI, subject, Sys.value, Node.ANY);
        dsg.add(Quad.defaultGraphIRI, subject, Sys.value, NodeFactory.createLiteralString(value));
    }

    /** The state under {@code key} as this batch sees it. */
    public Optional<String> state(String key) {
        checkOpen();
        return RecordStore.systemValue(dsg, RecordStore.stateSubject(key), Sys.value).map(Node::getLiteralLexicalForm);
    }

    private void announce(Change change) {
        for (ChangeListener l : store.listeners()) l.changed(change, this);
    }

    /**
     * The records whose graphs hold a statement {@code (?, property, value)}, as this batch sees them: one range of
     * the index by object, so a harvested record is found by the identifier its provenance gives.
     */
    public java.util.List<RecordId> holding(Node property, Node value) {
        checkOpen();
        java.util.Set<RecordId> found = new java.util.LinkedHashSet<>();
        dsg.find(Node.ANY, Node.ANY, property, value).forEachRemaining(q -> {
            if (q.getGraph().isURI() && !Quad.isDefaultGraph(q.getGraph())) store.uris().id(q.getGraph().getURI()).ifPresent(found::add);
        });
        return java.util.List.copyOf(found);
    }

    /** The record as this batch sees it, including its own uncommitted changes. */
    public Optional<StoredRecord> find(RecordId id) {
        checkOpen();
        return RecordStore.find(dsg, store.uris(), id);
    }

    /** The record's state as this batch sees it, including its own uncommitted changes. */
    public Optional<RecordStore.Status> status(RecordId id) {
        checkOpen();
        return RecordStore.status(dsg, store.uris(), id);
    }

    private Instant stamp(Node g, RecordId id) {
        sequence++;
        Instant now = store.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        if (now.isAfter(datestamp)) datestamp = now;
        dsg.deleteAny(Quad.defaultGraphIRI, g, Node.ANY, Node.ANY);
        dsg.add(Quad.defaultGraphIRI, g, Sys.sequence, RecordStore.integer(sequence));
        dsg.add(Quad.defaultGraphIRI, g, Sys.datestamp, RecordStore.dateTime(datestamp));
        dsg.add(Quad.defaultGraphIRI, g, Sys.kind, RecordStore.kindNode(id.kind()));
        return datestamp;
    }

    private boolean sameContent(Node g, Graph full) {
        int[] count = {0};
        boolean allThere = true;
        var it = dsg.find(g, Node.ANY, Node.ANY, Node.ANY);
        while (it.hasNext()) {
            Quad q = it.next();
            count[0]++;
            if (!full.contains(q.asTriple())) {
                allThere = false;
                break;
            }
        }
        return allThere && count[0] == full.size();
    }

    private static Graph copyOf(Graph g) {
        Graph copy = GraphFactory.createDefaultGraph();
        g.find().forEach(copy::add);
        return copy;
    }

    /** Commits every change of the batch at once and says what it did. */
    public Commit commit() {
        checkOpen();
        if (sequence > startSequence) {
            if (RecordStore.systemValue(dsg, Sys.ARCHIVE, Sys.base).isEmpty()) {
                dsg.add(Quad.defaultGraphIRI, Sys.ARCHIVE, Sys.base, NodeFactory.createURI(store.base()));
            }
            dsg.deleteAny(Quad.defaultGraphIRI, Sys.ARCHIVE, Sys.lastSequence, Node.ANY);
            dsg.deleteAny(Quad.defaultGraphIRI, Sys.ARCHIVE, Sys.lastDatestamp, Node.ANY);
            dsg.add(Quad.defaultGraphIRI, Sys.ARCHIVE, Sys.lastSequence, RecordStore.integer(sequence));
            dsg.add(Quad.defaultGraphIRI, Sys.ARCHIVE, Sys.lastDatestamp, RecordStore.dateTime(datestamp));
        }
        boolean changed = sequence > startSequence;
        try {
            if (changed) for (ChangeListener l : store.listeners()) l.beforeCommit(sequence);
            store.rawDataset().commit();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        store.rawDataset().end();
        open = false;
        if (changed) store.moved(new RecordStore.Position(sequence, Optional.of(datestamp)));
        try {
            if (changed) for (ChangeListener l : store.listeners()) l.afterCommit(sequence);
        } finally {
            store.endBatch();
        }
        long first = sequence > startSequence ? startSequence + 1 : 0;
        long last = sequence > startSequence ? sequence : 0;
        return new Commit(first, last, written, deleted, unchanged, datestamp);
    }

    /** Rolls back unless committed. */
    @Override
    public void close() {
        if (open) {
            open = false;
            try {
                try {
                    store.rawDataset().abort();
                    store.rawDataset().end();
                } finally {
                    // Even when the abort itself fails, what listened must forget the batch.
                    for (ChangeListener l : store.listeners()) l.afterAbort();
                }
            } finally {
                store.endBatch();
            }
        }
    }

    private void checkOpen() {
        if (!open) throw new IllegalStateException("this batch is already committed or closed");
    }
}
