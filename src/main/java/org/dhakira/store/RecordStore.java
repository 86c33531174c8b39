package org.dhakira.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.graph.Triple;
import org.dhakira.vocab.Kind;
import org.dhakira.vocab.Vocabulary;

/**
 * The archive's records in an Apache Jena TDB2 store, the only source of truth. Each record is one named graph
 * (named by its URI); every change gets a strictly increasing sequence number and a UTC datestamp in seconds
 * that never decreases along the sequence; a deleted record leaves a tombstone graph.
 *
 * <pre>{@code try (RecordStore store = RecordStore.open(dir, "http://localhost:8080/", vocab);
 *      Batch batch = store.begin()) {
 *     batch.put(id, graph);
 *     Commit c = batch.commit();
 * }}</pre>
 *
 * One JVM at a time may open a folder (TDB2 locks it); inside it, one writer and many readers.
 */
public final class RecordStore implements AutoCloseable {

    /** What a tombstone keeps of its record's statements, so that it stays in the OAI sets the record was in. */
    static final java.util.List<Node> KEPT_BY_TOMBSTONES = java.util.List.of(org.dhakira.vocab.Arch.documentType,
            org.dhakira.vocab.Arch.reliability, org.dhakira.vocab.Prov.wasAttributedTo);

    private final Dataset dataset;
    private final Path folder;
    private final String base;
    private final UriSpace uris;
    private final Vocabulary vocabulary;
    private final Clock clock;
    /**
     * One batch at a time, listener calls included, so derived copies see batches whole and in order. Fair, so a
     * batch waiting for {@link #betweenBatches} work done in a loop gets its turn after the current piece.
     */
    private final java.util.concurrent.locks.ReentrantLock writeLock = new java.util.concurrent.locks.ReentrantLock(true);
    private final java.util.List<ChangeListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /**
     * The last commit's position, kept here rather than read in a transaction of its own: every request for a
     * description asks it first. Batches are the only writers and set it as they commit.
     */
    private volatile Position position;

    private RecordStore(Dataset dataset, Path folder, String base, Vocabulary vocabulary, Clock clock) {
        this.dataset = dataset;
        this.folder = folder;
        this.base = base;
        this.uris = new UriSpace(base);
        Txn.executeRead(dataset, () -> dataset.asDatasetGraph().find(Quad.defaultGraphIRI, Node.ANY, Sys.originBase, Node.ANY)
                .forEachRemaining(q -> uris.add(q.getSubject().getURI().substring(Sys.ORIGIN.length()), q.getObject().getURI())));
        this.vocabulary = vocabulary;
        this.clock = clock;
        this.position = read(RecordStore::position);
    }

    public static RecordStore open(Path folder, String base, Vocabulary vocabulary) {
        return open(folder, base, vocabulary, Clock.systemUTC());
    }

    /** Opens (creating if need be) the store in {@code folder}; {@code clock} stamps the changes. */
    public static RecordStore open(Path folder, String base, Vocabulary vocabulary, Clock clock) {
        Objects.requireNonNull(folder, "folder");
        if (!base.endsWith("/")) throw new IllegalArgumentException("base URI must end with '/': " + base);
        TornJournal.mend(folder);
        Dataset ds = TDB2Factory.connectDataset(folder.toString());
        // SPARQL's default graph is the union of the record graphs; our bookkeeping stays out of sight.
        ds.getContext().set(TDB2.symUnionDefaultGraph, true);
        Optional<String> recorded = recordedBase(ds);
        if (recorded.isPresent() && !recorded.get().equals(base)) {
            throw new IllegalStateException("the store in " + folder + " was made with base URI " + recorded.get()
                    + "; open it with that base (--base " + recorded.get() + ") or use another data folder");
        }
        // The base is recorded with the first change (Batch.commit), so opening or a refused load fixes nothing.
        return new RecordStore(ds, folder, base, vocabulary, clock);
    }

    /** Whether {@code folder} holds a store (a TDB2 database). */
    public static boolean exists(Path folder) {
        return java.nio.file.Files.isRegularFile(folder.resolve("tdb.lock")) || java.nio.file.Files.isDirectory(folder.resolve("Data-0001"));
    }

    /** The base URI the store in {@code folder} was made with, if it exists and has one. */
    public static Optional<String> recordedBase(Path folder) {
        if (!exists(folder)) return Optional.empty();
        TornJournal.mend(folder);
        return recordedBase(TDB2Factory.connectDataset(folder.toString()));
    }

    private static Optional<String> recordedBase(Dataset ds) {
        return Txn.calculateRead(ds, () -> systemValue(ds.asDatasetGraph(), Sys.ARCHIVE, Sys.base).map(Node::getURI));
    }

    public String base() {
        return base;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The URIs of the things held: this archive's own and those of the origins harvested in {@code rdf}. */
    public UriSpace uris() {
        return uris;
    }

    /** The dataset, for read-only query engines (SPARQL). Writes go through {@link #begin()} only. */
    public Dataset dataset() {
        return dataset;
    }

    /** Starts a write batch: one TDB2 write transaction, committed whole or not at all. Waits for any other batch. */
    public Batch begin() {
        writeLock.lock();
        try {
            dataset.begin(TxnType.WRITE);
            return new Batch(this);
        } catch (RuntimeException e) {
            writeLock.unlock();
            throw e;
        }
    }

    /** What a compaction did: the store folder's size before and after it, in bytes. */
    public record Compaction(long bytesBefore, long bytesAfter, long sequence) {
        public Compaction {
            if (bytesBefore < 0 || bytesAfter < 0) throw new IllegalArgumentException("sizes are not negative: " + bytesBefore + ", " + bytesAfter);
        }
    }

    /**
     * Compacts the store: TDB2 copies the latest state into a new {@code Data-NNNN} generation, switches to it and
     * deletes the old one, which held every version of every rewritten record. Readers go on meanwhile (TDB2 keeps
     * serving them from the old generation, then waits for them before the switch); batches wait, here, for the
     * whole copy. Nothing derived is affected: the index and the caches hold sequence numbers and record ids, never
     * TDB2's node ids or files, and node ids are read afresh in every transaction.
     */
    public Compaction compact() {
        writeLock.lock();
        try {
            if (dataset.isInTransaction()) throw new IllegalStateException("cannot compact inside a transaction");
            long before = sizeOnDisk();
            long sequence = position().sequence();
            org.apache.jena.tdb2.DatabaseMgr.compact(dataset.asDatasetGraph(), true);
            // The setting lives in the generation's own context, which the switch replaced.
            dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
            return new Compaction(before, sizeOnDisk(), sequence);
        } finally {
            writeLock.unlock();
        }
    }

    /** The bytes of the store's files, every generation that is there included. */
    public long sizeOnDisk() {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(folder)) {
            return files.filter(java.nio.file.Files::isRegularFile).mapToLong(f -> {
                try {
                    return java.nio.file.Files.size(f);
                } catch (java.io.IOException e) {
                    return 0; // a file TDB2 removed while we counted
                }
            }).sum();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot measure the store in " + folder, e);
        }
    }

    /** Adds a listener that hears every change from now on. */
    public void addListener(ChangeListener listener) {
        listeners.add(listener);
    }

    java.util.List<ChangeListener> listeners() {
        return listeners;
    }

    void endBatch() {
        writeLock.unlock();
    }

    /**
     * The records whose last change is after {@code sequence}, in sequence order: what a derived copy that
     * stopped at {@code sequence} must catch up on. Scans the bookkeeping, so it costs the size of the archive.
     */
    public java.util.List<RecordId> changedSince(long sequence) {
        return read(dsg -> {
            java.util.TreeMap<Long, RecordId> changed = new java.util.TreeMap<>();
            dsg.find(Quad.defaultGraphIRI, Node.ANY, Sys.sequence, Node.ANY).forEachRemaining(q -> {
                long seq = Long.parseLong(q.getObject().getLiteralLexicalForm());
                if (seq > sequence && q.getSubject().isURI()) {
                    uris.id(q.getSubject().getURI()).ifPresent(id -> changed.put(seq, id));
                }
            });
            return java.util.List.copyOf(changed.values());
        });
    }

    /** The state a batch kept under {@code key} ({@link Batch#putState}), as last committed. */
    public Optional<String> state(String key) {
        return read(dsg -> systemValue(dsg, stateSubject(key), Sys.value).map(Node::getLiteralLexicalForm));
    }

    /** Every state whose key starts with {@code prefix}, by key. */
    public java.util.SortedMap<String, String> states(String prefix) {
        return read(dsg -> {
            java.util.SortedMap<String, String> found = new java.util.TreeMap<>();
            dsg.find(Quad.defaultGraphIRI, Node.ANY, Sys.value, Node.ANY).forEachRemaining(q -> {
                String key = q.getSubject().getURI().substring(Sys.STATE.length());
                if (key.startsWith(prefix)) found.put(key, q.getObject().getLiteralLexicalForm());
            });
            return found;
        });
    }

    static Node stateSubject(String key) {
        if (key.isEmpty() || !key.matches("[A-Za-z0-9._~:/-]+")) throw new IllegalArgumentException("a state key is letters, digits and . _ ~ : / -, was '" + key + "'");
        return NodeFactory.createURI(Sys.STATE + key);
    }

    /** Runs {@code work} in a read transaction over the raw dataset graph. */
    public <T> T read(Function<DatasetGraph, T> work) {
        return Txn.calculateRead(dataset, () -> work.apply(dataset.asDatasetGraph()));
    }

    public Optional<StoredRecord> find(RecordId id) {
        return read(dsg -> find(dsg, id));
    }

    /** The record's state inside an open transaction. */
    static Optional<StoredRecord> find(DatasetGraph dsg, UriSpace uris, RecordId id) {
        Node g = NodeFactory.createURI(uris.iri(id));
        // The record's bookkeeping in one range of the default graph's index: its sequence number, datestamp,
        // deletion and, for a tombstone, the type and grade it had.
        Node seq = null, datestamp = null;
        boolean deleted = false;
        java.util.List<Node> former = new java.util.ArrayList<>();
        for (Iterator<Quad> it = dsg.find(Quad.defaultGraphIRI, g, Node.ANY, Node.ANY); it.hasNext(); ) {
            Quad q = it.next();
            Node p = q.getPredicate();
            if (p.equals(Sys.sequence)) seq = q.getObject();
            else if (p.equals(Sys.datestamp)) datestamp = q.getObject();
            else if (p.equals(Sys.deleted)) deleted = true;
            else if (KEPT_BY_TOMBSTONES.contains(p)) former.add(q.getObject());
        }
        if (seq == null) return Optional.empty();
        if (datestamp == null) throw new IllegalStateException("the store's bookkeeping of " + id + " has a sequence number but no datestamp");
        if (!deleted) former.clear();
        Graph copy = graphOf(dsg, g);
        return Optional.of(new StoredRecord(id, Long.parseLong(seq.getLiteralLexicalForm()),
                Instant.parse(datestamp.getLiteralLexicalForm()), deleted, copy, former));
    }

    private static Graph graphOf(DatasetGraph dsg, Node g) {
        Graph copy = StoredRecord.newGraph();
        NodeTupleTable quads = TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable();
        NodeTable nodes = quads.getNodeTable();
        NodeId gid = nodes.getNodeIdForNode(g);
        if (NodeId.isDoesNotExist(gid)) return copy;
        // A record's statements share most of their nodes (its own URI, the properties, a title and its
        // super-terms' copies): each is decoded once here, where TDB2's own find looks every position of every
        // quad up in its shared node cache, which was a tenth of a first read's time.
        java.util.Map<NodeId, Node> decoded = new java.util.HashMap<>();
        java.util.function.Function<NodeId, Node> decode = nodes::getNodeForNodeId;
        quads.find(gid, NodeId.NodeIdAny, NodeId.NodeIdAny, NodeId.NodeIdAny).forEachRemaining(t -> copy.add(Triple.create(
                decoded.computeIfAbsent(t.get(1), decode), decoded.computeIfAbsent(t.get(2), decode),
                decoded.computeIfAbsent(t.get(3), decode))));
        return copy;
    }

    private Optional<StoredRecord> find(DatasetGraph dsg, RecordId id) {
        return find(dsg, uris, id);
    }

    /** Whether a record exists, live or as a tombstone; cheaper than {@link #find}. */
    public Optional<Status> status(RecordId id) {
        return read(dsg -> status(dsg, uris, id));
    }

    static Optional<Status> status(DatasetGraph dsg, UriSpace uris, RecordId id) {
        Node g = NodeFactory.createURI(uris.iri(id));
        if (systemValue(dsg, g, Sys.sequence).isEmpty()) return Optional.empty();
        return Optional.of(systemValue(dsg, g, Sys.deleted).isPresent() ? Status.DELETED : Status.LIVE);
    }

    /**
     * Streams every record graph (tombstones included), grouped by graph, to {@code sink}: the whole archive
     * without holding it in memory. Runs in one read transaction, so it is a consistent snapshot.
     */
    public void writeRecords(org.apache.jena.riot.system.StreamRDF sink) {
        read(dsg -> {
            sink.start();
            Vocabulary.prefixes(base).getNsPrefixMap().forEach(sink::prefix);
            dsg.findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(sink::quad);
            sink.finish();
            return null;
        });
    }

    /** A consistent read-only view of the records, for work that asks many times (checks, a page of OAI records). */
    public interface Snapshot {
        Optional<Status> status(RecordId id);

        Optional<StoredRecord> find(RecordId id);

        /** The values of one property of the record's own subject, without reading the rest of its graph. */
        java.util.List<Node> values(RecordId id, Node property);

        /** The sequence number of the record's last change, if it exists: one lookup, for checking freshness. */
        Optional<Long> sequence(RecordId id);

        /** The record's graph alone, without its bookkeeping (empty if there is no such record). */
        Graph graph(RecordId id);

        /**
         * Only the statements of the record's own subject with these properties: for readers that need a few
         * fields of many records, which then skip decoding bodies and the super-terms' copies of every value.
         */
        Graph graph(RecordId id, java.util.Collection<Node> properties);

        /** The sequence number of the last change this snapshot sees. */
        long position();

        /** The last change this snapshot sees: its sequence number and datestamp (two lookups). */
        Position lastChange();

        /**
         * The records (other than {@code target}) whose own subject links to it by one of {@code properties}: how many
         * there are, each counted once, and {@code limit} of them, those whose URI the store met last first (node
         * ids are allocated as a term is first written, so this is about the order records were added, except for a
         * record named by another before it was loaded itself). One index range
         * per property, compared by node id: only the records returned are decoded, so a place that half the
         * archive names costs a scan of node ids, not a million decoded records.
         */
        Referrals linkingTo(RecordId target, java.util.Collection<Node> properties, int limit);
    }

    /**
     * Runs {@code work} against a snapshot of the last committed change while no batch is written: batches wait
     * for it (and it for a batch being written). For a derived copy that mends part of itself from the store — the
     * index carrying a record's new name to the documents naming it — and must not interleave with a batch that
     * changes the same records. Keep {@code work} short. A listener may call it from {@link ChangeListener#afterCommit}.
     */
    public <T> T betweenBatches(Function<Snapshot, T> work) {
        writeLock.lock();
        try {
            return snapshot(work);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} against one consistent snapshot (one read transaction). */
    public <T> T snapshot(Function<Snapshot, T> work) {
        return read(dsg -> work.apply(new Snapshot() {
            @Override
            public Optional<Status> status(RecordId id) {
                return RecordStore.status(dsg, uris, id);
            }

            @Override
            public Optional<StoredRecord> find(RecordId id) {
                return RecordStore.find(dsg, uris, id);
            }

            @Override
            public Optional<Long> sequence(RecordId id) {
                return systemValue(dsg, NodeFactory.createURI(uris.iri(id)), Sys.sequence).map(n -> Long.parseLong(n.getLiteralLexicalForm()));
            }

            @Override
            public Graph graph(RecordId id) {
                return graphOf(dsg, NodeFactory.createURI(uris.iri(id)));
            }

            /** The snapshot's TDB2 node ids of the properties asked for, resolved once. */
            private final java.util.Map<Node, NodeId> propertyIds = new java.util.HashMap<>();

            @Override
            public Graph graph(RecordId id, java.util.Collection<Node> properties) {
                // One range of the (graph, subject) index, comparing properties by node id, so only the values
                // wanted are decoded: a lookup per property costs a B+tree descent each, and decoding the whole
                // graph decodes every body and every super-term's copy.
                Node g = NodeFactory.createURI(uris.iri(id));
                Graph copy = StoredRecord.newGraph();
                NodeTupleTable quads = TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable();
                NodeTable nodes = quads.getNodeTable();
                NodeId gid = nodes.getNodeIdForNode(g);
                if (NodeId.isDoesNotExist(gid)) return copy;
                java.util.Map<NodeId, Node> wanted = new java.util.HashMap<>();
                for (Node p : properties) {
                    NodeId pid = propertyIds.computeIfAbsent(p, nodes::getNodeIdForNode);
                    if (!NodeId.isDoesNotExist(pid)) wanted.put(pid, p);
                }
                quads.find(gid, gid, NodeId.NodeIdAny, NodeId.NodeIdAny).forEachRemaining(t -> {
                    Node p = wanted.get(t.get(2));
                    if (p != null) copy.add(Triple.create(g, p, nodes.getNodeForNodeId(t.get(3))));
                });
                return copy;
            }

            @Override
            public long position() {
                return readPosition(dsg).sequence();
            }

            @Override
            public Position lastChange() {
                return readPosition(dsg);
            }

            @Override
            public Referrals linkingTo(RecordId target, java.util.Collection<Node> properties, int limit) {
                NodeTupleTable quads = TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable();
                NodeTable nodes = quads.getNodeTable();
                NodeId o = nodes.getNodeIdForNode(NodeFactory.createURI(uris.iri(target)));
                if (NodeId.isDoesNotExist(o)) return new Referrals(java.util.List.of(), 0);
                long[] graphs = new long[64];
                int n = 0;
                for (Node p : properties) {
                    NodeId pid = propertyIds.computeIfAbsent(p, nodes::getNodeIdForNode);
                    if (NodeId.isDoesNotExist(pid)) continue;
                    var it = quads.find(NodeId.NodeIdAny, NodeId.NodeIdAny, pid, o);
                    while (it.hasNext()) {
                        var t = it.next();
                        // A record's statements are about its own subject, and its graph is named by it.
                        if (!t.get(0).equals(t.get(1)) || !t.get(0).isPtr() || t.get(0).equals(o)) continue; // not itself
                        if (n == graphs.length) graphs = java.util.Arrays.copyOf(graphs, n * 2);
                        graphs[n++] = t.get(0).getPtrLocation();
                    }
                }
                java.util.Arrays.sort(graphs, 0, n);
                int distinct = 0;
                for (int i = 0; i < n; i++) if (i == 0 || graphs[i] != graphs[i - 1]) distinct++;
                // Node ids are allocated as terms are first written: the highest are, nearly always, the newest records.
                java.util.List<RecordId> newest = new java.util.ArrayList<>();
                for (int i = n - 1; i >= 0 && newest.size() < limit; i--) {
                    if (i < n - 1 && graphs[i] == graphs[i + 1]) continue;
                    Node g = nodes.getNodeForNodeId(NodeIdFactory.createPtr(graphs[i]));
                    if (g.isURI()) uris.id(g.getURI()).ifPresent(newest::add);
                }
                return new Referrals(newest, distinct);
            }

            @Override
            public java.util.List<Node> values(RecordId id, Node property) {
                Node g = NodeFactory.createURI(uris.iri(id));
                java.util.List<Node> out = new java.util.ArrayList<>();
                dsg.find(g, g, property, Node.ANY).forEachRemaining(q -> out.add(q.getObject()));
                return out;
            }
        }));
    }

    /**
     * How many statements the record graphs hold, and how many record subjects are declared of each class, at one
     * store change: for VoID, which must count a million records' tens of millions of statements. One pass over the
     * quad index compares node ids, and only the classes (a handful) are decoded.
     */
    public record Census(long sequence, long statements, Map<Node, Long> recordsByType, java.util.Set<Node> classes) {
        public Census {
            recordsByType = Map.copyOf(recordsByType);
            classes = java.util.Set.copyOf(classes);
        }
    }

    public Census census() {
        return read(dsg -> {
            long sequence = position(dsg).sequence();
            NodeTupleTable quads = TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable();
            NodeTable nodes = quads.getNodeTable();
            NodeId type = nodes.getNodeIdForNode(org.apache.jena.vocabulary.RDF.type.asNode());
            long[] statements = {0};
            Map<NodeId, long[]> ofRecords = new java.util.HashMap<>();
            java.util.Set<NodeId> classes = new java.util.HashSet<>();
            quads.findAll().forEachRemaining(t -> {
                statements[0]++;
                if (!t.get(2).equals(type)) return;
                classes.add(t.get(3));
                // A record's graph is named by its own subject's URI: only that subject's types say what it is.
                if (t.get(0).equals(t.get(1))) ofRecords.computeIfAbsent(t.get(3), k -> new long[1])[0]++;
            });
            Map<Node, Long> byType = new java.util.HashMap<>();
            ofRecords.forEach((id, n) -> byType.put(nodes.getNodeForNodeId(id), n[0]));
            java.util.Set<Node> named = new java.util.HashSet<>();
            classes.forEach(id -> named.add(nodes.getNodeForNodeId(id)));
            return new Census(sequence, statements[0], byType, named);
        });
    }

    /** Records that link to one: {@code total} of them, and the newest few by when they were first written. */
    public record Referrals(java.util.List<RecordId> newest, int total) {
        public Referrals {
            newest = java.util.List.copyOf(newest);
        }
    }

    /** Whether a record is live or a tombstone. */
    public enum Status { LIVE, DELETED }

    /** The sequence number of the last committed change (0 for an empty store) and its datestamp. */
    public Position position() {
        return position;
    }

    /** Called by a batch once its commit is durable, before anything hears of it. */
    void moved(Position to) {
        position = to;
    }

    static Position position(DatasetGraph dsg) {
        long seq = systemValue(dsg, Sys.ARCHIVE, Sys.lastSequence)
                .map(n -> Long.parseLong(n.getLiteralLexicalForm())).orElse(0L);
        Optional<Instant> ds = systemValue(dsg, Sys.ARCHIVE, Sys.lastDatestamp)
                .map(n -> Instant.parse(n.getLiteralLexicalForm()));
        return new Position(seq, ds);
    }

    /** A read transaction's position, and which state of which storage it was read in. */
    private record KeptPosition(Object storage, long dataVersion, Position position) {}

    private volatile KeptPosition keptPosition;

    /**
     * The position in the current transaction, kept by TDB2's data version (one more with every commit) for read
     * transactions: every description asks it, and reading it from the store was two index lookups and the
     * parsing of a datestamp each time. The storage is compared too, since compaction puts a new one in place.
     */
    private Position readPosition(DatasetGraph dsg) {
        org.apache.jena.tdb2.store.DatasetGraphTDB storage = TDBInternal.getDatasetGraphTDB(dsg);
        org.apache.jena.dboe.transaction.txn.Transaction txn = storage.getTxnSystem().getThreadTransaction();
        if (txn == null || txn.getMode() != org.apache.jena.query.ReadWrite.READ) return position(dsg);
        KeptPosition kept = keptPosition;
        if (kept != null && kept.storage() == storage && kept.dataVersion() == txn.getDataVersion()) return kept.position();
        Position p = position(dsg);
        keptPosition = new KeptPosition(storage, txn.getDataVersion(), p);
        return p;
    }

    /** How far the store has come: the last sequence number and, unless empty, its datestamp. */
    public record Position(long sequence, Optional<Instant> datestamp) {}

    static Optional<Node> systemValue(DatasetGraph dsg, Node s, Node p) {
        Iterator<Quad> it = dsg.find(Quad.defaultGraphIRI, s, p, Node.ANY);
        return it.hasNext() ? Optional.of(it.next().getObject()) : Optional.empty();
    }

    static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    static Node dateTime(Instant t) {
        return NodeFactory.createLiteralDT(t.toString(), XSDDatatype.XSDdateTime);
    }

    Dataset rawDataset() {
        return dataset;
    }

    Clock clock() {
        return clock;
    }

    /** Kinds are recorded as their URI segment in the bookkeeping. */
    static Node kindNode(Kind kind) {
        return NodeFactory.createLiteralString(kind.segment());
    }

    @Override
    public void close() {
        if (dataset.isInTransaction()) dataset.abort();
        dataset.close();
        org.apache.jena.tdb2.sys.TDBInternal.expel(dataset.asDatasetGraph());
    }
}
