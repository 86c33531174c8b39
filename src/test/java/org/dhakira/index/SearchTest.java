package org.dhakira.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dhakira.TestArchives;
import org.dhakira.server.Archive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Searching the demo archive with real Arabic and English words. */
class SearchTest {

    @TempDir
    static Path dir;

    static Archive archive;

    @BeforeAll
    static void open() throws Exception {
        archive = Archive.open(TestArchives.config(dir));
        archive.loadDemoIfEmpty();
        // A document whose text carries the pitfalls of real data: diacritics, tatweel, a bidi mark, Indic digits.
        TestArchives.load(archive.store(), TestArchives.document("pitfalls",
                "\"body\":{\"ar\":\"أكّدت الحُكـومة في ٢٠١٧ أنّ\u200F المعتقلين في سورية سيُفرج عنهم\",\"en\":\"The executions were confirmed by witnesses\"},"
                + "\"issuer\":\"person/walid-al-muallem\",\"code\":\"SM-TEST-0042\"") + "\n");
    }

    @AfterAll
    static void close() {
        archive.close();
    }

    private static Set<String> ids(String query) throws InvalidQueryException {
        return ids(SearchQuery.of(query));
    }

    private static Set<String> ids(SearchQuery q) throws InvalidQueryException {
        Set<String> ids = new HashSet<>();
        archive.search().search(q).hits().forEach(h -> ids.add(h.id()));
        return ids;
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "وليد | person/walid-al-muallem | a name is found as written (no stemming: وليد is not ليد)",
            "Mouallem | person/walid-al-muallem | a Latin spelling variant kept as an alias",
            "سوريا | place/syria | the country by one spelling",
            "سورية | place/syria | the country by the other spelling",
            "الحكومة | document/pitfalls | text with tatweel and diacritics is found by its plain form",
            "الحُكـومة | document/pitfalls | a query with tatweel and diacritics finds the plain form",
            "معتقلين | document/pitfalls | the stemmer joins المعتقلين and معتقلين",
            "2017 | document/pitfalls | Arabic-Indic digits are found by ASCII digits",
            "execution | document/pitfalls | English stemming: executions",
            "صيدنايا | place/saydnaya-prison | Arabic word in names and text",
            "Saydnaya | place/saydnaya-prison | English word",
            "\"Human Slaughterhouse\" | document/amnesty-human-slaughterhouse-2017-02-07 | a phrase",
            "Slaught* | document/amnesty-human-slaughterhouse-2017-02-07 | a prefix",
            "\"Human Hangings\"~3 | document/amnesty-human-slaughterhouse-2017-02-07 | a phrase with slop",
            "صيدن* | place/saydnaya-prison | an Arabic prefix",
            "title:Slaughterhouse | document/amnesty-human-slaughterhouse-2017-02-07 | the title: field",
            "issuer:وليد | document/pitfalls | the issuer: field, by the issuer's name",
            "code:SM-TEST-0042 | document/pitfalls | the code: field",
            "code:sm-test-0042 | document/pitfalls | codes ignore case"})
    void finds(String query, String expected, String what) throws InvalidQueryException {
        assertTrue(ids(query).contains(expected), what + ": '" + query + "' gave " + ids(query));
    }

    @Test
    void aNameIsNotStemmedIntoSomethingElse() throws InvalidQueryException {
        assertFalse(ids("name:ليد").contains("person/walid-al-muallem"), "ليد is not وليد");
    }

    @Test
    void aPhraseWithoutSlopMustBeExact() throws InvalidQueryException {
        assertFalse(ids("\"Human Hangings\"").contains("document/amnesty-human-slaughterhouse-2017-02-07"));
    }

    @Test
    void theTitleFieldDoesNotSearchBodies() throws InvalidQueryException {
        assertFalse(ids("title:witnesses").contains("document/pitfalls"));
        assertTrue(ids("body:witnesses").contains("document/pitfalls"));
    }

    @Test
    void choosingALanguageMatchesOnlyInIt() throws InvalidQueryException {
        SearchQuery english = new SearchQuery("witnesses", Optional.of("en"), Map.of(), Optional.empty(), Optional.empty(),
                SearchQuery.Order.RELEVANCE, 20, Optional.empty());
        SearchQuery arabic = new SearchQuery("witnesses", Optional.of("ar"), Map.of(), Optional.empty(), Optional.empty(),
                SearchQuery.Order.RELEVANCE, 20, Optional.empty());
        assertTrue(ids(english).contains("document/pitfalls"));
        assertFalse(ids(arabic).contains("document/pitfalls"));
    }

    @Test
    void facetsCountAndFilter() throws InvalidQueryException {
        SearchResult all = archive.search().search(SearchQuery.of(""));
        assertEquals(31, all.total(), "every live record");
        Map<String, Long> types = new java.util.HashMap<>();
        all.facets().get("type").forEach(f -> types.put(f.value(), f.count()));
        assertEquals(2, types.get("press-statement"), "the seed statement and the test one");
        assertEquals(1, types.get("report"));
        SearchResult reports = archive.search().search(SearchQuery.of("").withFilter("type", "report"));
        assertEquals(1, reports.total());
        SearchResult twoTypes = archive.search().search(SearchQuery.of("").withFilter("type", "report").withFilter("type", "letter"));
        assertEquals(2, twoTypes.total(), "values of one facet are alternatives");
        SearchResult both = archive.search().search(SearchQuery.of("").withFilter("type", "press-statement").withFilter("reliability", "not-verified"));
        assertEquals(2, both.total(), "different facets must all hold");
        assertTrue(all.facets().containsKey("year") && all.facets().containsKey("organisation")
                && all.facets().containsKey("language") && all.facets().containsKey("reliability"));
        assertTrue(archive.search().search(SearchQuery.of("").withFilter("organisation", "amnesty-international")).total() >= 2);
    }

    @Test
    void manyMatchesGiveEstimatedFacetCountsAndAnExactTotal() throws InvalidQueryException {
        SearchResult exact = archive.search().search(SearchQuery.of(""));
        assertFalse(exact.facetsEstimated(), "31 matches are counted one by one");
        Search sampling = new Search(archive.index(), 10);
        SearchResult estimated = sampling.search(SearchQuery.of(""));
        assertTrue(estimated.facetsEstimated());
        assertEquals(31, estimated.total(), "the total is never estimated");
        assertEquals(estimated.facets(), sampling.search(SearchQuery.of("")).facets(), "the same search shows the same counts");
        for (SearchResult.FacetCount f : estimated.facets().get("type")) {
            long truth = exact.facets().get("type").stream().filter(e -> e.value().equals(f.value())).findFirst().orElseThrow().count();
            assertTrue(f.count() <= truth, "an estimate never exceeds the records that have the value: " + f + " vs " + truth);
        }
    }

    @Test
    void filtersByDateRangeAndSortsByDate() throws InvalidQueryException {
        SearchQuery in2017 = new SearchQuery("", Optional.empty(), Map.of(), Optional.of(LocalDate.of(2017, 1, 1)),
                Optional.of(LocalDate.of(2017, 12, 31)), SearchQuery.Order.NEWEST, 50, Optional.empty());
        SearchResult r = archive.search().search(in2017);
        assertTrue(r.total() >= 3);
        r.hits().forEach(h -> assertTrue(h.issued().orElseThrow().startsWith("2017"), h.toString()));
        SearchQuery newest = new SearchQuery("", Optional.empty(), Map.of("kind", List.of("document")), Optional.empty(),
                Optional.empty(), SearchQuery.Order.NEWEST, 50, Optional.empty());
        List<String> dates = archive.search().search(newest).hits().stream().map(h -> h.issued().orElse("")).toList();
        assertEquals(dates.stream().sorted(java.util.Comparator.reverseOrder()).toList(), dates);
    }

    @Test
    void pagesFollowTheCursorWithoutRepeatsOrGaps() throws InvalidQueryException {
        Set<String> seen = new HashSet<>();
        Optional<String> after = Optional.empty();
        int pages = 0;
        do {
            SearchResult page = archive.search().search(new SearchQuery("", Optional.empty(), Map.of(), Optional.empty(),
                    Optional.empty(), SearchQuery.Order.RELEVANCE, 7, after));
            page.hits().forEach(h -> assertTrue(seen.add(h.id()), "repeated " + h.id()));
            after = page.next();
            pages++;
        } while (after.isPresent() && pages < 20);
        assertEquals(31, seen.size());
    }

    @Test
    void snippetsAreHighlightedInTheQuerysLanguageAndEscaped() throws InvalidQueryException {
        SearchResult.Hit hit = archive.search().search(SearchQuery.of("صيدنايا")).hits().stream()
                .filter(h -> h.id().equals("place/saydnaya-prison")).findFirst().orElseThrow();
        assertEquals("ar", hit.snippetLanguage().orElseThrow());
        assertTrue(hit.snippet().orElseThrow().contains("<mark>صيدنايا</mark>"), hit.snippet().orElseThrow());
        SearchResult.Hit markup = archive.search().search(SearchQuery.of("Evacuation")).hits().get(0);
        String snippet = markup.snippet().orElseThrow();
        assertFalse(snippet.contains("<Siege>") || snippet.contains("<script"), "text is escaped: " + snippet);
    }

    @Test
    void malformedQueriesGiveAClearMessage() {
        InvalidQueryException bad = assertThrows(InvalidQueryException.class, () -> archive.search().search(SearchQuery.of("title:(Human AND")));
        assertTrue(bad.getMessage().contains("column"), bad.getMessage());
        InvalidQueryException field = assertThrows(InvalidQueryException.class, () -> archive.search().search(SearchQuery.of("colour:red")));
        assertTrue(field.getMessage().contains("unknown field 'colour:'"), field.getMessage());
        InvalidQueryException cursor = assertThrows(InvalidQueryException.class, () -> archive.search().search(new SearchQuery("x",
                Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), SearchQuery.Order.RELEVANCE, 20, Optional.of("garbage!"))));
        assertTrue(cursor.getMessage().contains("cursor"), cursor.getMessage());
    }
}
