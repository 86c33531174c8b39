package org.dhakira.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.dhakira.ingest.Progress;
import org.dhakira.store.Batch;
import org.dhakira.store.Change;
import org.dhakira.store.ChangeListener;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;
import org.dhakira.store.StoredRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full-text index, derived from the store and always current (DESIGN invariant 1). It hears every change
 * of every batch: documents are added as the batch writes and are searchable (near real time) as soon as the
 * store has committed; they are committed to disk, with the store's sequence number, at most a second later, on
 * an aborted batch and on close. On open it catches up from its own number; missing or
 * unreadable, it is rebuilt from the store. Sorted by sequence number, so the OAI listing's pages cost the same
 * at any depth.
 *
 * <pre>{@code RecordIndex index = RecordIndex.open(dir, store); // listens to the store from now on}</pre>
 */
public final class RecordIndex implements ChangeListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RecordIndex.class);
    static final String SEQUENCE_KEY = "dhakira.sequence";
    /** What the entries hold; an index of another format (or none, as before there were formats) is rebuilt on open. */
    static final String FORMAT_KEY = "dhakira.format";
    /** 2: entries record whose names they carry and which ({@link Fields#LINK}, {@link Fields#LINK_NAMES}). */
    static final String FORMAT = "2";
    /** In a commit made while renamed records' names were still being carried: the next open checks every link. */
    static final String RENAMES_KEY = "dhakira.renames";

    private final RecordStore store;
    private final Directory directory;
    /** Replaced when a batch is aborted: Lucene rolls back only by closing the writer. */
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;
    private final LinkedLabels labels;
    private final RecordDocuments documents;
    private final Relabelling relabelling;
    private volatile long sequence;
    /**
     * Threads that search the index's segments side by side, so that one search matching most of a million
     * records uses every core (its latency, not the server's throughput, is what this buys).
     */
    private final java.util.concurrent.ExecutorService searchThreads = java.util.concurrent.Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "index-search");
                t.setDaemon(true);
                return t;
            });

    private RecordIndex(RecordStore store, Directory directory, IndexWriter writer, long sequence, Relabelling.Pace pace) throws IOException {
        this(store, directory, writer, new SearcherManager(writer, null), sequence, pace);
    }

    private RecordIndex(RecordStore store, Directory directory, IndexWriter writer, SearcherManager searchers, long sequence,
                        Relabelling.Pace pace) {
        this.store = store;
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
        this.labels = new LinkedLabels(store);
        this.documents = new RecordDocuments(store.uris(), labels::of);
        this.relabelling = new Relabelling(this, store, labels, pace);
        this.sequence = sequence;
    }

    /** Opens the index in {@code folder}, brings it up to the store, and subscribes it to the store's changes. */
    public static RecordIndex open(Path folder, RecordStore store) {
        return open(folder, store, Relabelling.Pace.DEFAULT);
    }

    /** As {@link #open(Path, RecordStore)}, carrying renames at {@code pace}. */
    static RecordIndex open(Path folder, RecordStore store, Relabelling.Pace pace) {
        try {
            Files.createDirectories(folder);
            Directory dir = FSDirectory.open(folder);
            long seq;
            boolean rebuild = false;
            boolean renaming = false;
            try {
                Map<String, String> committed = DirectoryReader.indexExists(dir) ? committedData(dir) : Map.of();
                seq = sequenceIn(committed);
                if (seq < 0) {
                    LOG.info("No index in {}: building it from the store", folder);
                    rebuild = true;
                } else if (!FORMAT.equals(committed.get(FORMAT_KEY))) {
                    LOG.info("The index in {} is of an earlier format (its entries do not say whose names they carry): rebuilding it from the store", folder);
                    rebuild = true;
                }
                renaming = committed.containsKey(RENAMES_KEY);
            } catch (IOException | RuntimeException e) {
                LOG.warn("The index in {} cannot be read ({}): rebuilding it from the store", folder, e.toString());
                seq = -1;
                rebuild = true;
            }
            if (rebuild) {
                // Whatever is there cannot be trusted or read: start from an empty folder.
                for (String file : dir.listAll()) dir.deleteFile(file);
            }
            if (!rebuild && seq > store.position().sequence()) {
                // A store restored from an older copy: the index holds changes the store no longer has.
                LOG.warn("The index is at change {} but the store at {}: rebuilding it from the store", seq, store.position().sequence());
                for (String file : dir.listAll()) dir.deleteFile(file);
                rebuild = true;
            }
            IndexWriter writer = new IndexWriter(dir, config(rebuild));
            RecordIndex index = new RecordIndex(store, dir, writer, Math.max(seq, 0), pace);
            index.committedRenaming = renaming;
            try {
                if (rebuild) {
                    index.rebuild(Progress.NONE);
                } else {
                    if (renaming) {
                        // Owed before catching up, so that a catch-up's commit says so too; the relabelling thread sweeps.
                        LOG.info("The index was last committed while renamed records' names were being carried: every link will be checked");
                        index.relabelling.oweSweep();
                    }
                    index.catchUp();
                }
            } catch (IOException | RuntimeException e) {
                index.close();
                throw e;
            }
            store.addListener(index);
            index.relabelling.start();
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index in " + folder, e);
        }
    }

    /**
     * Opens the index in {@code folder} as it is, to be looked at, not mended: no catching up, no rebuild, no
     * writer, deaf to the store's changes. For checking the index against the store ({@code dhakira verify}),
     * which must see what is there, not what opening would make of it.
     *
     * @throws IllegalStateException when there is no index there or it cannot be read
     */
    public static RecordIndex openReadOnly(Path folder, RecordStore store) {
        try {
            Directory dir = FSDirectory.open(folder);
            if (!DirectoryReader.indexExists(dir)) {
                dir.close();
                throw new IllegalStateException("there is no index in " + folder + " ('dhakira reindex' builds one)");
            }
            try {
                long seq = sequenceIn(committedData(dir));
                return new RecordIndex(store, dir, null, new SearcherManager(dir, null), Math.max(seq, 0), Relabelling.Pace.DEFAULT);
            } catch (IOException | RuntimeException e) {
                dir.close();
                throw new IllegalStateException("the index in " + folder + " cannot be read (" + e + "); 'dhakira reindex' rebuilds it", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index in " + folder, e);
        }
    }

    private static IndexWriterConfig config(boolean create) {
        IndexWriterConfig c = new IndexWriterConfig(Analyzers.perField());
        c.setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        // Sorted by sequence number: "the next page after N" stops early, at any depth.
        c.setIndexSort(new Sort(new SortField(Fields.SEQ, SortField.Type.LONG)));
        c.setRAMBufferSizeMB(64);
        c.setCommitOnClose(false);
        return c;
    }

    private static Map<String, String> committedData(Directory dir) throws IOException {
        try (DirectoryReader r = DirectoryReader.open(dir)) {
            return Map.copyOf(r.getIndexCommit().getUserData());
        }
    }

    private static long sequenceIn(Map<String, String> committed) {
        String v = committed.get(SEQUENCE_KEY);
        return v == null ? -1 : Long.parseLong(v);
    }

    /** The store sequence number the index reflects. */
    public long sequence() {
        return sequence;
    }

    /**
     * Why the index cannot serve, if it cannot: closed, or a change the store committed that the index did not
     * (it then lags until the next start catches it up). Empty when it serves. Asks for a searcher, so a broken
     * index is found out, not assumed well.
     */
    public java.util.Optional<String> problem() {
        String missed = missedCommit;
        if (missed != null) return java.util.Optional.of(missed);
        try {
            withSearcher(s -> s.getIndexReader().maxDoc());
            return java.util.Optional.empty();
        } catch (org.apache.lucene.store.AlreadyClosedException e) {
            return java.util.Optional.of("the index is closed");
        } catch (RuntimeException e) {
            return java.util.Optional.of("the index cannot be searched: " + e.getMessage());
        }
    }

    /** Set when the store committed a change the index could not: from then on the index lags until restarted. */
    private volatile String missedCommit;

    /**
     * Applies the changes made since the index's sequence number, without a rebuild, and checks whether the records
     * it applies were renamed in the entries naming them (the index may have missed the batch that renamed them).
     */
    void catchUp() throws IOException {
        long target = store.position().sequence();
        if (target == sequence) return;
        List<RecordId> changed = store.changedSince(sequence);
        LOG.info("Index at change {}, store at {}: applying {} changed records", sequence, target, changed.size());
        Map<String, String> named = new java.util.HashMap<>();
        for (RecordId id : changed) {
            store.find(id).ifPresent(r -> {
                index(r);
                noteNames(r.id(), r.deleted(), r.graph(), named);
            });
        }
        // Checked before the commit that holds the new entries, so that commit says whether names are being carried.
        searchers.maybeRefreshBlocking();
        relabelling.check(named);
        commit(target);
    }

    /** Notes, for a record whose names entries carry, the fingerprint of the names it has now. */
    private void noteNames(RecordId id, boolean deleted, org.apache.jena.graph.Graph g, Map<String, String> named) {
        if (!relabelling.named(id.kind())) return;
        org.apache.jena.graph.Node thing = org.apache.jena.graph.NodeFactory.createURI(store.uris().iri(id));
        named.put(thing.getURI(), (deleted ? LinkedLabels.Names.NONE : LinkedLabels.in(thing, g)).fingerprint());
    }

    /**
     * Rebuilds the whole index from the store, between batches: neither a batch nor the relabelling thread (which
     * commits the index too) may commit a half-built index as current.
     */
    public void rebuild(Progress progress) {
        store.betweenBatches(s -> {
            rebuildNow(progress);
            return null;
        });
    }

    private void rebuildNow(Progress progress) {
        try {
            writer.deleteAll();
            List<RecordId> all = store.changedSince(0);
            long target = store.position().sequence();
            progress.start("Indexing", all.size());
            try {
                for (RecordId id : all) {
                    store.find(id).ifPresent(this::index);
                    progress.advance(1);
                }
            } finally {
                progress.end();
            }
            relabelling.rebuilt();
            commit(target);
            LOG.info("Index rebuilt: {} records, at change {}", all.size(), target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void index(StoredRecord r) {
        try {
            Document d = documents.of(r.id(), r.sequence(), r.datestamp(), r.deleted(), r.graph(), r.formerTerms());
            writer.updateDocument(new Term(Fields.ID, r.id().path()), d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the entry of {@code r} again, outside a batch, between two batches (the entries naming a renamed
     * record); made searchable and durable by {@link #settle}.
     */
    void reindex(StoredRecord r) {
        index(r);
        notDurable.add(r.id());
    }

    /**
     * Makes what {@link #reindex} wrote durable (and searchable) when {@code durable} or when the index commits anyway
     * (a second since the last, or many entries waiting), else searchable when {@code visible}: a record carried in
     * chunks need not be refreshed for each, its next chunk starting after the last. Between two batches only, as
     * {@link #reindex}.
     */
    void settle(boolean durable, boolean visible) {
        try {
            if (durable || System.nanoTime() - lastDurable > DURABLE_EVERY.toNanos() || notDurable.size() > 10_000) commit(sequence);
            else if (visible) searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How many renamed or deleted records' names are still being carried to the entries of the records naming
     * them: 0 when every entry carries the names the store has. Shown in {@code /health}.
     */
    public int renamesPending() {
        return relabelling.waiting();
    }

    /** How many entries were built again since open because the names of a record they name had changed. */
    public long entriesRenamed() {
        return relabelling.carried();
    }

    /** Whether the last durable commit said names were being carried. */
    private boolean committedRenaming;

    /** A durable commit of everything the writer holds, as the state at store change {@code seq}. */
    private void commit(long seq) throws IOException {
        Map<String, String> data = new java.util.HashMap<>();
        data.put(SEQUENCE_KEY, Long.toString(seq));
        data.put(FORMAT_KEY, FORMAT);
        boolean renaming = relabelling.owed();
        if (renaming) data.put(RENAMES_KEY, "carrying");
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        committedRenaming = renaming;
        sequence = seq;
        notDurable.clear();
        lastDurable = System.nanoTime();
        if (searchers != null) searchers.maybeRefreshBlocking();
    }

    // ---- ChangeListener: the store's batches ----

    /**
     * Analysis and inversion run on a thread of their own while the store's writer goes on: the store's
     * transaction is bound to the writing thread and keeps it busy, so this uses the other core.
     */
    private final IndexingQueue indexing = new IndexingQueue();
    /** The first failure of the indexing thread in the current batch; the batch is aborted for it. */
    private final java.util.concurrent.atomic.AtomicReference<RuntimeException> indexingFailure = new java.util.concurrent.atomic.AtomicReference<>();

    /** The records of the batch being written whose names entries carry, by URI, with their names' fingerprints now. */
    private final Map<String, String> namedInBatch = new java.util.HashMap<>();

    @Override
    public void changed(Change change, Batch batch) {
        labels.forget(change.id());
        inBatch.add(change.id());
        noteNames(change.id(), change.deleted(), change.graph(), namedInBatch);
        // Built here, where the batch's transaction can be read for the labels of linked records.
        submit(change.id(), labels.within(batch, change.id(), () -> documents.of(change.id(), change.sequence(), change.datestamp(),
                change.deleted(), change.graph(), change.formerTerms())));
        // Documents of this batch built before this record was in it lacked its name: built again, now that it is.
        for (RecordId reader : labels.builtBefore(change.id())) {
            if (reader.equals(change.id())) continue;
            batch.find(reader).ifPresent(r -> submit(reader, labels.within(batch, reader, () ->
                    documents.of(r.id(), r.sequence(), r.datestamp(), r.deleted(), r.graph(), r.formerTerms()))));
        }
    }

    private void submit(RecordId record, Document d) {
        IndexWriter w = writer;
        Term id = new Term(Fields.ID, record.path());
        indexing.submit(() -> {
            try {
                w.updateDocument(id, d);
            } catch (IOException | RuntimeException e) {
                indexingFailure.compareAndSet(null, new IllegalStateException("cannot index " + record + ": " + e.getMessage(), e));
            }
        });
    }

    @Override
    public void beforeCommit(long lastSequence) {
        labels.batchEnded();
        // No Lucene commit here: its fsyncs cost as much as the store's own commit, and the store is what must be
        // durable. The batch's documents become searchable (near real time) once the store has committed; they are
        // made durable in the index at most a second later, and a crash in between is caught up from the store.
        indexing.drain();
        RuntimeException failed = indexingFailure.getAndSet(null);
        if (failed != null) throw failed;
    }

    @Override
    public void afterCommit(long lastSequence) {
        try {
            sequence = lastSequence;
            notDurable.addAll(inBatch);
            inBatch.clear();
            searchers.maybeRefreshBlocking();
            // Before any commit holding the batch, so that commit says whether names are being carried.
            carryRenames(lastSequence);
            if (System.nanoTime() - lastDurable > DURABLE_EVERY.toNanos() || notDurable.size() > 10_000) commit(lastSequence);
        } catch (IOException | RuntimeException e) {
            LOG.error("The store committed change {} but the index did not; it catches up on the next start", lastSequence, e);
            // Later batches commit at later sequence numbers, so a catch-up would not see this one's renames again.
            if (!namedInBatch.isEmpty()) relabelling.oweSweep();
            if (missedCommit == null) missedCommit = "the index did not commit change " + lastSequence + " (" + e.getMessage() + "); a restart catches it up";
        } finally {
            namedInBatch.clear();
        }
    }

    /**
     * The batch's records whose names entries carry, checked against the entries now searchable: those named with
     * other names are carried to them, the first chunk before the write returns (see {@link Relabelling}).
     */
    private void carryRenames(long lastSequence) {
        try {
            relabelling.carryNow(relabelling.check(namedInBatch));
        } catch (RuntimeException e) {
            LOG.error("Could not carry the names changed by change {} to the records naming them; every link will be checked", lastSequence, e);
            relabelling.oweSweep();
        }
    }

    @Override
    public void afterAbort() {
        indexing.drain();
        labels.batchEnded();
        labels.forgetAll();
        inBatch.clear();
        namedInBatch.clear();
        try {
            SearcherManager old = searchers;
            // Lucene rolls back to its last commit only, which may be before batches the store has committed since:
            // those records are indexed again from the store, so the index loses nothing the store has.
            writer.rollback();
            writer = new IndexWriter(directory, config(false));
            for (RecordId id : notDurable) store.find(id).ifPresent(this::index);
            searchers = new SearcherManager(writer, null);
            old.close();
            commit(sequence);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reopen the index after an aborted batch", e);
        } finally {
            indexingFailure.set(null); // whatever failed belonged to the batch that is gone
        }
    }

    /** How long a committed change may stay searchable but not yet durable in the index. */
    static final java.time.Duration DURABLE_EVERY = java.time.Duration.ofSeconds(1);
    /** The records of the batch being written, and of the batches committed since the index's last durable commit. */
    private final java.util.Set<RecordId> inBatch = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Set<RecordId> notDurable = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile long lastDurable = System.nanoTime();


    /** Runs {@code work} with a searcher of the latest commit. */
    <T> T withSearcher(SearcherWork<T> work) {
        try {
            SearcherManager manager = searchers;
            IndexSearcher s;
            try {
                s = manager.acquire();
            } catch (org.apache.lucene.store.AlreadyClosedException replaced) {
                // An aborted batch replaced the manager between our read of it and acquire(): take the new one.
                manager = searchers;
                s = manager.acquire();
            }
            try {
                return work.apply(s);
            } finally {
                manager.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like {@link #withSearcher}, with a searcher that searches segments in parallel: for costly searches. */
    <T> T withParallelSearcher(SearcherWork<T> work) {
        return withSearcher(s -> work.apply(new IndexSearcher(s.getIndexReader(), searchThreads)));
    }

    @FunctionalInterface
    interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    @Override
    public void close() {
        indexing.close();
        relabelling.close();
        searchThreads.shutdownNow();
        try {
            // What the store committed is made durable here too, so the next start need not catch up; a batch cut
            // short by the close is not (the store rolls it back). Names still to carry are carried after the next open.
            if (writer != null && inBatch.isEmpty() && (!notDurable.isEmpty() || relabelling.owed() != committedRenaming)) commit(sequence);
            searchers.close();
            if (writer != null) writer.rollback(); // nothing uncommitted is worth keeping: the store has it all
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
