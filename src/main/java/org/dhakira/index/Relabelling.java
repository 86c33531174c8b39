package org.dhakira.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.util.BytesRef;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;
import org.dhakira.store.UriSpace;
import org.dhakira.vocab.Arch;
import org.dhakira.vocab.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries the names of a renamed or deleted record to the index entries of the records that name it, after the
 * store has committed the change: a place that half the archive names included.
 *
 * <p>Which entries. An entry that carries the names of a linked thing also keeps the thing's URI
 * ({@link Fields#LINK}) and the URI with a fingerprint of the names it carries ({@link Fields#LINK_NAMES}, see
 * {@link LinkedLabels.Names}), so the entries a change of X leaves stale are exactly {@code link:X} without
 * {@code link_names:"X fingerprint"} for X's names as they are now. One query, found in Lucene's postings without
 * reading a record, and it is at every moment what is left to do: nothing remembers which entries are done.
 *
 * <p>When. After every batch, each record of a named kind it changed is checked with that query, one term lookup
 * when nothing names it (so a re-write that keeps the names, as the index sees them, re-indexes nothing). The
 * stale entries are built again from the store a chunk at a time, each chunk between two batches
 * ({@link RecordStore#betweenBatches}, so it never races a batch that changes the same records) and in sequence
 * order after the last entry done: the first {@link Pace#inline} entries before the write returns, so a record
 * named by a few hundred others is renamed in every door when its write returns; the rest on a thread of its own,
 * a chunk at a time, while {@code /health} shows the index behind.
 *
 * <p>A crash. Which records are pending is kept in memory only; that some are is kept durably, in every index
 * commit made while they are ({@link RecordIndex#RENAMES_KEY}), the commit that first holds the renamed record's new
 * entry included, since the check runs before it. An index that opens with that mark has its thread check every URI
 * its entries link to against the store first ({@link #sweep}: one pass over the link terms, a count of postings
 * per URI, reading only the names of the records linked to) and then carries on. A crash before the index committed
 * the batch is caught up from the store like any change, and the catch-up checks the records it applies. Entries
 * built again but lost in a crash are simply found stale again. Nothing durable is kept beyond the index's own
 * commit, so nothing can disagree with it; {@code dhakira verify} runs the same sweep.
 */
final class Relabelling implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Relabelling.class);
    private static final Sort BY_SEQUENCE = new Sort(new SortField(Fields.SEQ, SortField.Type.LONG));
    private static final List<Node> NAMES = List.of(Arch.name, Arch.title, Arch.alias);

    /**
     * How much is carried at a time: entries per chunk (batches wait for one chunk at most), entries carried
     * before a write returns, and whether a thread carries the rest (without it, the rest waits for the next
     * open: for tests that stop half-way on purpose).
     */
    record Pace(int chunk, int inline, boolean background) {
        static final Pace DEFAULT = new Pace(1_000, 1_000, true);

        Pace {
            if (chunk < 1) throw new IllegalArgumentException("chunk must be at least 1, was " + chunk);
            if (inline < 0) throw new IllegalArgumentException("inline must not be negative, was " + inline);
        }
    }

    /** A record whose names are being carried: the fingerprint carried, and the sequence number of the last entry done. */
    private record Pass(String fingerprint, long after) {}

    /** An entry to build again. */
    private record Stale(RecordId id, long sequence) {}

    private final RecordIndex index;
    private final RecordStore store;
    private final LinkedLabels labels;
    private final Pace pace;
    private final Set<Kind> named;
    /** By URI, the next to carry first. Guarded by this. */
    private final Map<String, Pass> pending = new LinkedHashMap<>();
    /** A check failed or a crash left one owed: every linked URI is to be checked. Guarded by this. */
    private boolean sweepOwed;
    /** How many times a sweep was owed, so a sweep clears only what was owed when it began. Guarded by this. */
    private long sweepsOwed;
    private volatile int waiting;
    private final LongAdder carried = new LongAdder();
    private Thread thread;
    private volatile boolean closed;

    Relabelling(RecordIndex index, RecordStore store, LinkedLabels labels, Pace pace) {
        this.index = index;
        this.store = store;
        this.labels = labels;
        this.pace = pace;
        Set<Kind> kinds = java.util.EnumSet.noneOf(Kind.class);
        for (Node p : RecordDocuments.NAMING) kinds.addAll(store.vocabulary().kindsFor(p));
        this.named = java.util.Collections.unmodifiableSet(kinds);
    }

    /** The term of {@link Fields#LINK_NAMES} in an entry that carries, of the thing {@code uri}, the names with this fingerprint. */
    static String carrying(String uri, String fingerprint) {
        return uri + " " + fingerprint;
    }

    /** Whether entries carry the names of records of this kind (what the naming properties point to). */
    boolean named(Kind kind) {
        return named.contains(kind);
    }

    /** Starts the thread that carries what the writes leave. */
    void start() {
        if (!pace.background()) return;
        thread = new Thread(this::run, "dhakira-relabelling");
        thread.setDaemon(true);
        thread.start();
    }

    /** How many records' names are still being carried (a check owed after a failure or a crash counts as one). */
    int waiting() {
        return waiting;
    }

    /** How many entries were built again since open because names they carry had changed. */
    long carried() {
        return carried.sum();
    }

    /** Whether names are still to be carried: what each index commit records. */
    synchronized boolean owed() {
        return sweepOwed || !pending.isEmpty();
    }

    /** Every linked URI is to be checked: a commit that says names were being carried, or a check that failed. */
    synchronized void oweSweep() {
        sweepOwed = true;
        sweepsOwed++;
        publish();
        notifyAll();
    }

    /** The whole index was built from the store: every entry carries the names the store has. */
    synchronized void rebuilt() {
        sweepOwed = false;
        pending.clear();
        publish();
    }

    /**
     * Which of {@code changed} (records a batch or a catch-up wrote, by URI, with their names' fingerprints) are
     * named with other names by entries the index now holds: they become pending, and are returned.
     */
    List<String> check(Map<String, String> changed) {
        if (changed.isEmpty()) return List.of();
        List<String> stale = index.withSearcher(s -> {
            List<String> found = new ArrayList<>();
            for (Map.Entry<String, String> e : changed.entrySet()) {
                if (s.search(stale(e.getKey(), e.getValue(), 0), 1).scoreDocs.length > 0) found.add(e.getKey());
            }
            return found;
        });
        synchronized (this) {
            for (String uri : stale) {
                Pass fresh = new Pass(changed.get(uri), 0);
                // A record renamed again while its names were carried starts again: what was done carries the old ones.
                pending.merge(uri, fresh, (old, now) -> old.fingerprint().equals(now.fingerprint()) ? old : now);
            }
            publish();
            notifyAll();
        }
        return stale;
    }

    /**
     * Checks every URI the entries link to against the names the store gives it now, and makes pending those
     * named with others: on opening an index whose last commit was made while names were being carried.
     */
    void sweep() {
        // The sweep stays owed until what it found is pending: an index commit made meanwhile (a write's, or the
        // last one at close) must still say that names are being carried, or a crash then would lose them.
        long owedAt;
        synchronized (this) {
            owedAt = sweepsOwed;
        }
        Optional<Map<String, Integer>> stale = store.snapshot(s -> index.withSearcher(searcher ->
                staleNames(searcher, uri -> current(s, store.uris(), uri), () -> closed)));
        if (stale.isEmpty()) return; // closed: the mark stays, the next open sweeps
        LOG.info("Names to carry to the records naming them: {} records, {} entries", stale.get().size(),
                stale.get().values().stream().mapToLong(Integer::longValue).sum());
        synchronized (this) {
            for (String uri : stale.get().keySet()) pending.putIfAbsent(uri, new Pass("", 0));
            if (sweepsOwed == owedAt) sweepOwed = false;
            publish();
            notifyAll();
        }
    }

    /** Carries, on the writing thread before its write returns, up to {@link Pace#inline} entries naming {@code renamed}. */
    void carryNow(List<String> renamed) {
        int done = 0;
        for (String uri : renamed) {
            while (done < pace.inline() && !closed && isPending(uri)) done += step(uri, Math.min(pace.chunk(), pace.inline() - done), false);
        }
    }

    private synchronized boolean isPending(String uri) {
        return pending.containsKey(uri);
    }

    private void run() {
        while (true) {
            String next;
            synchronized (this) {
                try {
                    while (!closed && pending.isEmpty() && !sweepOwed) wait();
                } catch (InterruptedException e) {
                    return;
                }
                if (closed) return;
                next = sweepOwed ? null : pending.keySet().iterator().next();
            }
            try {
                if (next == null) sweep();
                else step(next, pace.chunk(), true);
            } catch (AlreadyClosedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("Could not carry renamed records' names to the records naming them; trying again in a second", e);
                synchronized (this) {
                    try {
                        if (!closed) wait(1000);
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        }
    }

    /**
     * Builds again, between two batches, up to {@code limit} of the entries that carry other names of {@code uri}
     * than it has now, in sequence order after the last done; how many. The record is done when fewer were left;
     * otherwise it goes to the back of the line, so one large rename does not hold up a small one. Made durable
     * as writes are (within a second), and at once when the thread has carried everything: not in a write's time.
     */
    private int step(String uri, int limit, boolean onThread) {
        return store.betweenBatches(s -> {
            Pass pass;
            synchronized (this) {
                pass = pending.get(uri);
                if (closed || pass == null) return 0;
            }
            // As the entries built here will carry them: read through the same cache.
            String fingerprint = labels.of(NodeFactory.createURI(uri)).fingerprint();
            long after = pass.fingerprint().equals(fingerprint) ? pass.after() : 0;
            List<Stale> found = index.withSearcher(searcher -> stale(searcher, stale(uri, fingerprint, after), limit));
            for (Stale e : found) s.find(e.id()).ifPresent(index::reindex);
            carried.add(found.size());
            boolean finished;
            synchronized (this) {
                pending.remove(uri);
                if (found.size() == limit) pending.put(uri, new Pass(fingerprint, found.get(found.size() - 1).sequence()));
                finished = pending.isEmpty() && !sweepOwed;
            }
            // Searchable when the record is done, and before a write returns; durable at once when the thread is done.
            index.settle(finished && onThread, found.size() < limit || !onThread);
            synchronized (this) {
                publish();
            }
            return found.size();
        });
    }

    private static List<Stale> stale(IndexSearcher searcher, Query q, int limit) throws IOException {
        // The index is sorted by sequence number: each segment stops at the chunk.
        TopDocs top = searcher.search(q, new TopFieldCollectorManager(BY_SEQUENCE, limit, null, limit));
        List<Stale> out = new ArrayList<>(top.scoreDocs.length);
        var stored = searcher.storedFields();
        for (ScoreDoc d : top.scoreDocs) {
            String path = stored.document(d.doc, Set.of(Fields.ID)).get(Fields.ID);
            out.add(new Stale(RecordId.parse(path), (Long) ((FieldDoc) d).fields[0]));
        }
        return out;
    }

    /** The entries that name {@code uri} with other names than those with {@code fingerprint}, after sequence number {@code after}. */
    static Query stale(String uri, String fingerprint, long after) {
        BooleanQuery.Builder q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.LINK, uri)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Fields.LINK_NAMES, carrying(uri, fingerprint))), BooleanClause.Occur.MUST_NOT);
        if (after > 0) {
            q.add(new IndexSortSortedNumericDocValuesRangeQuery(Fields.SEQ, after + 1, Long.MAX_VALUE,
                    LongPoint.newRangeQuery(Fields.SEQ, after + 1, Long.MAX_VALUE)), BooleanClause.Occur.FILTER);
        }
        return q.build();
    }

    /**
     * Every URI the entries link to whose names in them are not all those {@code current} gives it (by URI, the
     * fingerprint of its names now), with how many entries carry others. One count per linked URI.
     */
    static Map<String, Integer> staleNames(IndexSearcher searcher, Function<String, String> current) throws IOException {
        return staleNames(searcher, current, () -> false).orElseThrow();
    }

    /** As {@link #staleNames(IndexSearcher, Function)}, or empty when {@code stop} says so before the end. */
    static Optional<Map<String, Integer>> staleNames(IndexSearcher searcher, Function<String, String> current,
                                                    java.util.function.BooleanSupplier stop) throws IOException {
        Map<String, Integer> out = new LinkedHashMap<>();
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), Fields.LINK);
        if (terms == null) return Optional.of(out);
        TermsEnum it = terms.iterator();
        for (BytesRef t = it.next(); t != null; t = it.next()) {
            if (stop.getAsBoolean()) return Optional.empty();
            String uri = t.utf8ToString();
            int n = searcher.count(stale(uri, current.apply(uri), 0));
            if (n > 0) out.put(uri, n);
        }
        return Optional.of(out);
    }

    /** The fingerprint of the names the thing {@code uri} has in {@code s}: reads its names only, not its whole record. */
    static String current(RecordStore.Snapshot s, UriSpace uris, String uri) {
        Optional<RecordId> id = uris.id(uri);
        if (id.isEmpty() || s.status(id.get()).orElse(RecordStore.Status.DELETED) == RecordStore.Status.DELETED) {
            return LinkedLabels.Names.NONE.fingerprint();
        }
        return LinkedLabels.in(NodeFactory.createURI(uri), s.graph(id.get(), NAMES)).fingerprint();
    }

    private void publish() {
        waiting = pending.size() + (sweepOwed ? 1 : 0);
    }

    /** Stops the thread, after the chunk it is carrying: what is left is carried after the next open. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        if (thread == null) return;
        try {
            thread.join(30_000);
            if (thread.isAlive()) LOG.warn("The relabelling thread did not stop within 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
