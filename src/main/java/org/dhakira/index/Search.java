package org.dhakira.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.RandomSamplingFacetsCollector;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Searching the index as people and scripts do: bilingual queries, facet counts and filters, date ranges,
 * relevance or date order, highlighted snippets, and paging by cursor (search-after), so that page 500 costs
 * what page 1 does.
 *
 * <pre>{@code SearchResult r = new Search(index).search(SearchQuery.of("صيدنايا"));}</pre>
 */
public final class Search {

    private static final int FACET_VALUES = 20;
    /**
     * Above this many matches the facets are counted on a random sample of them and scaled up: counting every
     * match of a word that is in most records cost 160 ms at a million records, for counts nobody reads to the
     * last digit. The sample is seeded, so the same search on the same index shows the same counts.
     */
    static final int FACET_SAMPLE = 40_000;
    /** What a hit shows; the bodies stay compressed. */
    private static final java.util.Set<String> HIT_FIELDS = java.util.Set.of(Fields.ID, Fields.TITLE_AR, Fields.TITLE_EN, Fields.ISSUED_STORED);

    private final RecordIndex index;
    private final Analyzer analyzer = Analyzers.perField();
    /** Facet ordinals per reader: costly to build, so built once per index commit. */
    private volatile StateCache facetState;

    private record StateCache(IndexReader reader, SortedSetDocValuesReaderState state) {}

    private final int facetSample;

    public Search(RecordIndex index) {
        this(index, FACET_SAMPLE);
    }

    /** With facets counted on a sample when there are more than {@code facetSample} matches (the benchmark compares). */
    public Search(RecordIndex index, int facetSample) {
        if (facetSample < 1) throw new IllegalArgumentException("facetSample must be positive: " + facetSample);
        this.index = index;
        this.facetSample = facetSample;
    }

    public SearchResult search(SearchQuery q) throws InvalidQueryException {
        try {
            return run(q);
        } catch (IndexSearcher.TooManyClauses e) {
            // Raised when the query is rewritten for the search, not when it is parsed.
            throw new InvalidQueryException("the query has too many words or matches too many terms; shorten it or make prefixes longer");
        }
    }

    private SearchResult run(SearchQuery q) throws InvalidQueryException {
        Query query = query(q);
        Sort sort = sort(q.order());
        FieldDoc cursor;
        try {
            cursor = q.after().map(c -> decodeCursor(c, q.order())).orElse(null);
        } catch (InvalidCursor e) {
            throw new InvalidQueryException(e.getMessage());
        }
        return index.withParallelSearcher(searcher -> {
            int maxDoc = searcher.getIndexReader().maxDoc();
            // The sequence number settles every tie, so the document number only has to be in range.
            FieldDoc after = cursor == null || maxDoc == 0 ? null : new FieldDoc(maxDoc - 1, Float.NaN, cursor.fields);
            // Hits and facets collected in one pass over each slice of segments, the slices side by side.
            Object[] collected = searcher.search(query, new MultiCollectorManager(
                    new TopFieldCollectorManager(sort, q.size(), after, Integer.MAX_VALUE),
                    RandomSamplingFacetsCollector.createManager(facetSample, 1)));
            TopDocs top = (TopDocs) collected[0];
            RandomSamplingFacetsCollector facets = (RandomSamplingFacetsCollector) collected[1];
            Map<String, List<SearchResult.FacetCount>> counts = facetCounts(searcher, facets);
            boolean estimated = top.totalHits.value > facetSample; // the collector's own rule for sampling
            String language = q.language().orElse(containsArabic(q.text()) ? "ar" : "en");
            Map<String, String[]> snippets = q.text().isEmpty() ? Map.of() : highlights(searcher, query, top, language);
            List<SearchResult.Hit> hits = new ArrayList<>();
            for (int i = 0; i < top.scoreDocs.length; i++) {
                Document d = searcher.storedFields().document(top.scoreDocs[i].doc, HIT_FIELDS);
                hits.add(hit(d, snippets, i, language));
            }
            // A full page may be the last one; the next request then finds nothing, which is cheap.
            Optional<String> next = top.scoreDocs.length == q.size()
                    ? Optional.of(encodeCursor((FieldDoc) top.scoreDocs[top.scoreDocs.length - 1], q.order()))
                    : Optional.empty();
            return new SearchResult(top.totalHits.value, hits, counts, estimated, next);
        });
    }

    private Query query(SearchQuery q) throws InvalidQueryException {
        return query(q, ArchiveQueryParser.ALL);
    }

    private Query query(SearchQuery q, String defaultField) throws InvalidQueryException {
        Query words;
        if (q.text().isEmpty()) {
            words = new MatchAllDocsQuery();
        } else {
            try {
                words = new ArchiveQueryParser(analyzer, q.language(), defaultField).parse(q.text());
            } catch (ParseException | IllegalArgumentException e) {
                throw new InvalidQueryException(readable(e.getMessage()));
            } catch (org.apache.lucene.search.IndexSearcher.TooManyClauses e) {
                throw new InvalidQueryException("the query matches too many words; make the prefix longer");
            }
            if (words == null) throw new InvalidQueryException("the query has no words to look for");
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(Fields.DELETED, "true")), BooleanClause.Occur.MUST_NOT);
        if (q.from().isPresent() || q.until().isPresent()) {
            long from = q.from().map(d -> d.toEpochDay()).orElse(Long.MIN_VALUE);
            long until = q.until().map(d -> d.toEpochDay()).orElse(Long.MAX_VALUE);
            b.add(LongPoint.newRangeQuery(Fields.ISSUED, from, until), BooleanClause.Occur.FILTER);
        }
        Query base = b.build();
        if (q.filters().isEmpty()) return base;
        DrillDownQuery drill = new DrillDownQuery(RecordDocuments.FACETS, base);
        q.filters().forEach((dim, values) -> values.forEach(v -> drill.add(dim, v)));
        return drill;
    }

    /** The fields a full-text query may be confined to, as {@code title:} and the others name them in a search. */
    public static final List<String> FIELDS = List.of("title", "name", "body", "issuer", "code");

    /**
     * Every live record that matches {@code text}, best first, up to {@code limit}: the query a search with the
     * same words runs, in the same order, without facets, snippets or pages (full text inside SPARQL). Words
     * without a field go to {@code field} (one of {@link #FIELDS}) when given, else everywhere.
     *
     * <pre>{@code search.matches("صيدنايا", Optional.of("title"), Optional.empty(), 1000)}</pre>
     */
    public List<Match> matches(String text, Optional<String> field, Optional<String> language, int limit) throws InvalidQueryException {
        if (limit < 1) throw new IllegalArgumentException("limit must be positive, was " + limit);
        if (field.isPresent() && !FIELDS.contains(field.get())) {
            throw new InvalidQueryException("unknown field '" + field.get() + "' (known: " + String.join(", ", FIELDS) + ")");
        }
        if (text == null || text.isBlank()) throw new InvalidQueryException("the query has no words to look for");
        SearchQuery q;
        try {
            q = new SearchQuery(text, language, Map.of(), Optional.empty(), Optional.empty(), SearchQuery.Order.RELEVANCE, 1, Optional.empty());
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(e.getMessage());
        }
        Query query;
        try {
            query = query(q, field.orElse(ArchiveQueryParser.ALL));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidQueryException("the query has too many words or matches too many terms; shorten it or make prefixes longer");
        }
        java.util.Set<String> idOnly = java.util.Set.of(Fields.ID);
        try {
            return index.withSearcher(searcher -> {
                TopDocs top = searcher.search(query, limit, sort(SearchQuery.Order.RELEVANCE), true);
                List<Match> out = new ArrayList<>(top.scoreDocs.length);
                for (var sd : top.scoreDocs) out.add(new Match(searcher.storedFields().document(sd.doc, idOnly).get(Fields.ID), sd.score));
                return out;
            });
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidQueryException("the query has too many words or matches too many terms; shorten it or make prefixes longer");
        }
    }

    /** A record that matches a full-text query ({@code kind/key}) and its relevance score. */
    public record Match(String id, float score) {}

    /** The parser's first line, without Lucene's grammar dump. */
    private static String readable(String message) {
        if (message == null) return "the query cannot be read";
        String first = message.split("\n")[0];
        return first.replace("Cannot parse '", "cannot read '").replace("Encountered", "unexpected");
    }

    private static Sort sort(SearchQuery.Order order) {
        SortField seq = new SortField(Fields.SEQ, SortField.Type.LONG, order != SearchQuery.Order.OLDEST);
        return switch (order) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, seq);
            case NEWEST, OLDEST -> {
                SortField issued = new SortField(Fields.ISSUED, SortField.Type.LONG, order == SearchQuery.Order.NEWEST);
                issued.setMissingValue(order == SearchQuery.Order.NEWEST ? Long.MIN_VALUE : Long.MAX_VALUE);
                yield new Sort(issued, seq);
            }
        };
    }

    private Map<String, List<SearchResult.FacetCount>> facetCounts(IndexSearcher searcher, RandomSamplingFacetsCollector fc) throws IOException {
        Map<String, List<SearchResult.FacetCount>> out = new LinkedHashMap<>();
        SortedSetDocValuesReaderState state = state(searcher.getIndexReader());
        if (state == null) return out;
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, fc);
        for (String dim : Fields.FACETS) {
            FacetResult r;
            try {
                r = counts.getTopChildren(FACET_VALUES, dim);
            } catch (IllegalArgumentException e) {
                continue; // no record has this facet yet
            }
            if (r == null) continue;
            r = fc.amortizeFacetCounts(r, RecordDocuments.FACETS, searcher);
            List<SearchResult.FacetCount> values = new ArrayList<>();
            for (LabelAndValue lv : r.labelValues) values.add(new SearchResult.FacetCount(lv.label, lv.value.longValue()));
            out.put(dim, values);
        }
        return out;
    }

    private SortedSetDocValuesReaderState state(IndexReader reader) throws IOException {
        StateCache cached = facetState;
        if (cached != null && cached.reader() == reader) return cached.state();
        try {
            SortedSetDocValuesReaderState s = new DefaultSortedSetDocValuesReaderState(reader, RecordDocuments.FACETS);
            facetState = new StateCache(reader, s);
            return s;
        } catch (IllegalArgumentException e) {
            return null; // an empty index has no facet field yet
        }
    }

    private Map<String, String[]> highlights(IndexSearcher searcher, Query query, TopDocs top, String language) throws IOException {
        if (top.scoreDocs.length == 0) return Map.of();
        UnifiedHighlighter h = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(20_000)
                .build();
        String other = language.equals("ar") ? "en" : "ar";
        return h.highlightFields(new String[] {"text_" + language, "title_" + language, "text_" + other, "title_" + other},
                query, top, new int[] {2, 1, 2, 1});
    }

    private static SearchResult.Hit hit(Document d, Map<String, String[]> snippets, int i, String language) {
        String id = d.get(Fields.ID);
        String other = language.equals("ar") ? "en" : "ar";
        Optional<String> snippet = Optional.empty();
        Optional<String> snippetLanguage = Optional.empty();
        for (String[] candidate : new String[][] {{"text_" + language, language}, {"title_" + language, language},
                {"text_" + other, other}, {"title_" + other, other}}) {
            String[] values = snippets.get(candidate[0]);
            if (values != null && values[i] != null && values[i].contains("<mark>")) {
                snippet = Optional.of(values[i]);
                snippetLanguage = Optional.of(candidate[1]);
                break;
            }
        }
        return new SearchResult.Hit(id, id.substring(0, id.indexOf('/')), Optional.ofNullable(d.get(Fields.TITLE_AR)),
                Optional.ofNullable(d.get(Fields.TITLE_EN)), snippet, snippetLanguage, Optional.ofNullable(d.get(Fields.ISSUED_STORED)));
    }

    static boolean containsArabic(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
    }

    // Cursors: the sort values of the last hit, so the next page starts right after it whatever changed since.

    private static String encodeCursor(FieldDoc last, SearchQuery.Order order) {
        Object first = last.fields[0];
        String text = order.name() + ":" + (first == null ? "" : first.toString()) + ":" + last.fields[1];
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static FieldDoc decodeCursor(String token, SearchQuery.Order order) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":", -1);
            if (parts.length != 3 || !parts[0].equals(order.name())) throw new IllegalArgumentException();
            Object first = order == SearchQuery.Order.RELEVANCE ? (Object) Float.parseFloat(parts[1]) : (Object) Long.parseLong(parts[1]);
            return new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] {first, Long.parseLong(parts[2])});
        } catch (IllegalArgumentException e) {
            throw new InvalidCursor();
        }
    }

    /** A cursor that is not one of ours, or belongs to another order. */
    private static final class InvalidCursor extends RuntimeException {
        InvalidCursor() {
            super("the page cursor is not valid for this search; start again from the first page", null, false, false);
        }
    }
}
