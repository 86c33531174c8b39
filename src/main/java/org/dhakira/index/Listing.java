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

    /** One page; {@code last} is the position to continue after. */
    public record Page(List<Entry> entries, boolean more) {
        public long last() {
            return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).sequence();
        }
    }

    private final RecordIndex index;

    public Listing(RecordIndex index) {
        this.index = index;
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
            TopDocs top = searcher.search(q, size + 1, BY_SEQUENCE);
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < Math.min(size, top.scoreDocs.length); i++) entries.add(entry(searcher, top.scoreDocs[i]));
            return new Page(entries, top.scoreDocs.length > size);
        });
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
                .add(new TermQuery(new Term(Fields.SET, set.get())), BooleanClause.Occur.FILTER).build();
    }

    /**
     * The smallest sequence number whose datestamp is at or after {@code second}: a binary search in each
     * segment, whose documents are in sequence order and so in datestamp order too.
     */
    static long firstSequenceAtOrAfter(IndexReader reader, long second) throws IOException {
        long best = Long.MAX_VALUE;
        for (LeafReaderContext leaf : reader.leaves()) {
            int lo = 0;
            int hi = leaf.reader().maxDoc();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (value(leaf, Fields.DATESTAMP, mid) < second) lo = mid + 1;
                else hi = mid;
            }
            if (lo < leaf.reader().maxDoc()) best = Math.min(best, value(leaf, Fields.SEQ, lo));
        }
        return best;
    }

    /** The largest sequence number whose datestamp is at or before {@code second}. */
    static long lastSequenceAtOrBefore(IndexReader reader, long second) throws IOException {
        long best = Long.MIN_VALUE;
        for (LeafReaderContext leaf : reader.leaves()) {
            int lo = 0;
            int hi = leaf.reader().maxDoc();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (value(leaf, Fields.DATESTAMP, mid) <= second) lo = mid + 1;
                else hi = mid;
            }
            if (lo > 0) best = Math.max(best, value(leaf, Fields.SEQ, lo - 1));
        }
        return best;
    }

    private static long value(LeafReaderContext leaf, String field, int doc) throws IOException {
        NumericDocValues dv = DocValues.getNumeric(leaf.reader(), field);
        if (!dv.advanceExact(doc)) throw new IllegalStateException("document " + doc + " has no " + field);
        return dv.longValue();
    }

    /** Read from doc values only: a page never decompresses the records' stored text. */
    private static Entry entry(IndexSearcher searcher, ScoreDoc sd) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
        int doc = sd.doc - leaf.docBase;
        SortedDocValues id = DocValues.getSorted(leaf.reader(), Fields.ID);
        if (!id.advanceExact(doc)) throw new IllegalStateException("document " + sd.doc + " has no id");
        String path = id.lookupOrd(id.ordValue()).utf8ToString();
        NumericDocValues deleted = DocValues.getNumeric(leaf.reader(), Fields.DELETED);
        SortedSetDocValues setValues = DocValues.getSortedSet(leaf.reader(), Fields.SET);
        List<String> sets = new ArrayList<>();
        if (setValues.advanceExact(doc)) {
            for (int i = 0; i < setValues.docValueCount(); i++) sets.add(setValues.lookupOrd(setValues.nextOrd()).utf8ToString());
        }
        return new Entry(RecordId.parse(path), value(leaf, Fields.SEQ, doc), Instant.ofEpochSecond(value(leaf, Fields.DATESTAMP, doc)),
                deleted.advanceExact(doc), sets);
    }
}
