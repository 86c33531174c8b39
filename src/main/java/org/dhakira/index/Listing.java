package org.dhakira.index;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.document.LongPoint;
import org.dhakira.store.RecordId;

/**
 * The ordered listing OAI-PMH pages through: records (tombstones included) of a set, changed within a datestamp
 * range, in the order of their last change, after a given position, with the total count. The index is sorted
 * by sequence number and datestamps never decrease along it, so both the range and the position become a range
 * of documents found by binary search: every page costs O(log n + page size), whatever its depth.
 *
 * <pre>{@code Listing.Page p = new Listing(index).page(Optional.of("type:report"), from, until, afterSequence, 100);}</pre>
 */
public final class Listing {

    private static final Sort BY_SEQUENCE = new Sort(new SortField(Fields.SEQ, SortField.Type.LONG));

    /** A listed record: its id, the sequence number and datestamp of its last change, and its sets. */
    public record Entry(RecordId id, long sequence, Instant datestamp, boolean deleted, List<String> sets) {}

    /**
     * One page; {@code last} is the position to continue after. {@code seenThrough} is the highest sequence
     * number the searcher that read the page had indexed: a store snapshot at that same position holds every
     * entry exactly as listed.
     */
    public record Page(List<Entry> entries, boolean more, long seenThrough) {
        public long last() {
            return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).sequence();
        }
    }

    private final RecordIndex index;

    public Listing(RecordIndex index) {
        this.index = index;
    }

    /** The index listed, for checks that look at more of it ({@link Verification}). */
    RecordIndex index() {
        return index;
    }

    /**
     * The next {@code size} records after position {@code after} (0 from the start).
     *
     * @param from  inclusive, seconds
     * @param until inclusive, seconds
     */
    public Page page(Optional<String> set, Optional<Instant> from, Optional<Instant> until, long after, int size) {
        return index.withSearcher(searcher -> {
            Query q = query(searcher, set, from, until, after);
            // Stop counting at the page: the index is sorted by sequence, so each segment stops early.
            TopDocs top = searcher.search(q, new org.apache.lucene.search.TopFieldCollectorManager(BY_SEQUENCE, size + 1, null, size + 1));
            ScoreDoc[] hits = java.util.Arrays.copyOf(top.scoreDocs, Math.min(size, top.scoreDocs.length));
            return new Page(entries(searcher, hits), top.scoreDocs.length > size, seenThrough(searcher.getIndexReader()));
        });
    }

    /**
     * Every change adds a document under its sequence number and each segment is sorted by it, so the last
     * document of each segment (deleted or not) holds the segment's highest: the highest of those is the last
     * change this reader has seen.
     */
    private static long seenThrough(IndexReader reader) throws IOException {
        long max = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
            int last = leaf.reader().maxDoc() - 1;
            if (last >= 0) max = Math.max(max, value(leaf, Fields.SEQ, last));
        }
        return max;
    }

    /** How many records the whole list (from the start) holds. */
    public long count(Optional<String> set, Optional<Instant> from, Optional<Instant> until) {
        return index.withSearcher(searcher -> (long) searcher.count(query(searcher, set, from, until, 0)));
    }

    /** The datestamp of the earliest change still listed (OAI Identify's earliestDatestamp). */
    public Optional<Instant> earliest() {
        Page first = page(Optional.empty(), Optional.empty(), Optional.empty(), 0, 1);
        return first.entries().stream().findFirst().map(Entry::datestamp);
    }

    private static Query query(IndexSearcher searcher, Optional<String> set, Optional<Instant> from,
                               Optional<Instant> until, long after) throws IOException {
        long low = after + 1;
        long high = Long.MAX_VALUE;
        if (from.isPresent()) low = Math.max(low, firstSequenceAtOrAfter(searcher.getIndexReader(), from.get().getEpochSecond()));
        if (until.isPresent()) high = lastSequenceAtOrBefore(searcher.getIndexReader(), until.get().getEpochSecond());
        if (low > high) return new MatchNoDocsQuery();
        Query range = new IndexSortSortedNumericDocValuesRangeQuery(Fields.SEQ, low, high,
                LongPoint.newRangeQuery(Fields.SEQ, low, high));
        if (set.isEmpty()) return range;
        return new BooleanQuery.Builder().add(range, BooleanClause.Occur.FILTER)
                .add(setQuery(set.get()), BooleanClause.Occur.FILTER).build();
    }

    /** A set and, as OAI's colons make it a hierarchy, the sets below it: {@code type} holds {@code type:report}. */
    private static Query setQuery(String set) {
        Query exact = new TermQuery(new Term(Fields.SET, set));
        return new BooleanQuery.Builder().add(exact, BooleanClause.Occur.SHOULD)
                .add(new org.apache.lucene.search.PrefixQuery(new Term(Fields.SET, set + ":")), BooleanClause.Occur.SHOULD)
                .build();
    }

    /** The listing entry of one record, live or deleted, if the index has it. */
    public Optional<Entry> entry(RecordId id) {
        return index.withSearcher(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id.path())), 1);
            return top.scoreDocs.length == 0 ? Optional.<Entry>empty() : Optional.of(entries(searcher, top.scoreDocs).get(0));
        });
    }

    /**
     * The smallest sequence number whose datestamp is at or after {@code second}: a binary search in each
     * segment, whose documents are in sequence order and so in datestamp order too.
     */
    static long firstSequenceAtOrAfter(IndexReader reader, long second) throws IOException {
        long best = Long.MAX_VALUE;
        for (LeafReaderContext leaf : reader.leaves()) {
            int first = firstDocWithDatestamp(leaf, ds -> ds >= second);
            if (first < leaf.reader().maxDoc()) best = Math.min(best, value(leaf, Fields.SEQ, first));
        }
        return best;
    }

    /** The largest sequence number whose datestamp is at or before {@code second}. */
    static long lastSequenceAtOrBefore(IndexReader reader, long second) throws IOException {
        long best = Long.MIN_VALUE;
        for (LeafReaderContext leaf : reader.leaves()) {
            int after = firstDocWithDatestamp(leaf, ds -> ds > second);
            if (after > 0) best = Math.max(best, value(leaf, Fields.SEQ, after - 1));
        }
        return best;
    }

    /** The first document of the segment whose datestamp passes {@code test}, which once true stays true. */
    private static int firstDocWithDatestamp(LeafReaderContext leaf, java.util.function.LongPredicate test) throws IOException {
        int lo = 0;
        int hi = leaf.reader().maxDoc();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (test.test(value(leaf, Fields.DATESTAMP, mid))) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    private static long value(LeafReaderContext leaf, String field, int doc) throws IOException {
        NumericDocValues dv = DocValues.getNumeric(leaf.reader(), field);
        if (!dv.advanceExact(doc)) throw new IllegalStateException("document " + doc + " has no " + field);
        return dv.longValue();
    }

    /**
     * Reads the hits from doc values only (never decompressing the records' stored text), walking each segment
     * once in document order, as doc-values iterators want; the page keeps the hits' sequence order.
     */
    private static List<Entry> entries(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
        Entry[] out = new Entry[hits.length];
        Integer[] order = new Integer[hits.length];
        for (int i = 0; i < hits.length; i++) order[i] = i;
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> hits[i].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leafIndex = -1;
        LeafReaderContext leaf = null;
        SortedDocValues id = null;
        NumericDocValues seq = null;
        NumericDocValues datestamp = null;
        NumericDocValues deleted = null;
        SortedSetDocValues sets = null;
        for (int i : order) {
            int global = hits[i].doc;
            int li = ReaderUtil.subIndex(global, leaves);
            if (li != leafIndex) {
                leafIndex = li;
                leaf = leaves.get(li);
                id = DocValues.getSorted(leaf.reader(), Fields.ID);
                seq = DocValues.getNumeric(leaf.reader(), Fields.SEQ);
                datestamp = DocValues.getNumeric(leaf.reader(), Fields.DATESTAMP);
                deleted = DocValues.getNumeric(leaf.reader(), Fields.DELETED);
                sets = DocValues.getSortedSet(leaf.reader(), Fields.SET);
            }
            int doc = global - leaf.docBase;
            if (!id.advanceExact(doc) || !seq.advanceExact(doc) || !datestamp.advanceExact(doc)) {
                throw new IllegalStateException("document " + global + " lacks its listing fields");
            }
            List<String> setNames = new ArrayList<>();
            if (sets.advanceExact(doc)) {
                for (int k = 0; k < sets.docValueCount(); k++) setNames.add(sets.lookupOrd(sets.nextOrd()).utf8ToString());
            }
            out[i] = new Entry(RecordId.parse(id.lookupOrd(id.ordValue()).utf8ToString()), seq.longValue(),
                    Instant.ofEpochSecond(datestamp.longValue()), deleted.advanceExact(doc), setNames);
        }
        return java.util.Arrays.asList(out);
    }
}
