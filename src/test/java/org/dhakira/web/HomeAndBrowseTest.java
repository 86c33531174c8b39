package org.dhakira.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.dhakira.TestArchives;
import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The home page and the browse pages over the demo records and 25 more letters of 1999, on a real Jetty. */
class HomeAndBrowseTest {

    @TempDir
    static Path dir;

    static Archive archive;
    static ArchiveServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final int LETTERS = 25;

    @BeforeAll
    static void start() throws Exception {
        archive = Archive.open(TestArchives.config(dir));
        archive.loadDemoIfEmpty();
        StringBuilder letters = new StringBuilder();
        for (int i = 1; i <= LETTERS; i++) {
            letters.append(String.format("{\"id\":\"document/letter-1999-%02d\",\"kind\":\"document\",\"type\":\"letter\","
                    + "\"reliability\":\"authentic\",\"issued\":\"1999-01-%02d\",\"title\":{\"ar\":\"رسالة %d\",\"en\":\"Letter %d\"}}%n", i, i, i, i));
        }
        TestArchives.load(archive.store(), letters.toString());
        server = ArchiveServer.start(archive);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (archive != null) archive.close();
    }

    static HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve(path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static Document page(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path, "text/html,*/*;q=0.8");
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        return Jsoup.parse(r.body());
    }

    static int count(Element section, String href) {
        Element a = section.selectFirst("a[href=" + href + "]");
        assertNotNull(a, href + " missing from " + section);
        return Integer.parseInt(a.parent().selectFirst(".count").text().replace("≈", ""));
    }

    @Test
    void theHomePageCountsTheKindsAndListsTheNewestDocuments() throws Exception {
        Document d = page("");
        assertEquals("rtl", d.selectFirst("html").attr("dir"));
        assertEquals(12 + LETTERS, count(d.selectFirst(".counts"), "/search?kind=document&sort=newest"));
        assertEquals(6, count(d.selectFirst(".counts"), "/search?kind=organisation&sort=newest"));
        assertEquals(5, count(d.selectFirst(".counts"), "/search?kind=place&sort=newest"));
        List<Element> newest = d.select(".newest li.listed");
        assertEquals(HomeResource.NEWEST, newest.size());
        assertEquals("/doc/document/demo-map-syrian-governorates-2024-03-15", newest.get(0).selectFirst("a.title").attr("href"));
        assertEquals("خريطة المحافظات السورية الأربع عشرة", newest.get(0).selectFirst("a.title").text());
        assertEquals("2024-03-15", newest.get(0).selectFirst("time").attr("datetime"));
        assertNotNull(d.selectFirst("header.site form.search input[name=q]"));
        assertNotNull(d.selectFirst("main form[action=/search] input[name=q]"));
        for (String way : List.of("a.browse[href=/browse]", "a.sparql[href=/sparql]", "a.oai[href^=/oai]", "a.search[href=/search]")) {
            assertNotNull(d.selectFirst(".ways-in " + way), way);
        }
    }

    @Test
    void theHomePageIsTextForClientsThatAskForText() throws Exception {
        HttpResponse<String> r = get("", "text/plain");
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
        assertTrue(r.body().matches("(?s).*document\\s+" + (12 + LETTERS) + "\\n.*"), r.body());
        assertTrue(get("", "*/*").headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"), "a browser or curl gets the page");
    }

    @Test
    void theHomePageInEnglish() throws Exception {
        Document d = page("?lang=en");
        assertEquals("en", d.selectFirst("html").attr("lang"));
        assertEquals("Map of Syria’s Fourteen Governorates", d.selectFirst(".newest li.listed a.title").text());
        assertEquals("/doc/document/demo-map-syrian-governorates-2024-03-15?lang=en", d.selectFirst(".newest li.listed a.title").attr("href"));
        assertEquals("/browse?lang=en", d.selectFirst(".ways-in a.browse").attr("href"));
    }

    @Test
    void theBrowsePageCountsEachValueOfEachFacet() throws Exception {
        Document d = page("browse");
        Element types = d.selectFirst("[data-facet=type]");
        assertEquals(LETTERS + 1, count(types, "/browse/type/letter"));
        assertEquals(1, count(types, "/browse/type/press-statement"));
        assertEquals("بيان صحفي", types.selectFirst("a[href=/browse/type/press-statement]").text());
        Element years = d.selectFirst("[data-facet=year]");
        assertEquals(LETTERS, count(years, "/browse/year/1999"));
        assertEquals(2, count(years, "/browse/year/2017"));
        List<String> order = years.select("a").eachText();
        assertEquals(order.stream().sorted(java.util.Comparator.reverseOrder()).toList(), order, "years most recent first");
        Element grades = d.selectFirst("[data-facet=reliability]");
        assertEquals(LETTERS + 3, count(grades, "/browse/reliability/authentic"));
        assertEquals("لم يتم التأكد من صحتها", grades.selectFirst("a[href=/browse/reliability/not-verified]").text());
    }

    @Test
    void aBrowsePageListsItsDocumentsNewestFirstAPageAtATime() throws Exception {
        Document first = page("browse/type/letter?lang=en");
        assertEquals("Letter", first.selectFirst("h1").text());
        List<String> seen = new ArrayList<>(first.select("li.listed a.title").eachAttr("href"));
        assertEquals(BrowseResource.PAGE, seen.size());
        assertEquals("/doc/document/demo-letter-turkish-army-iraq-syria-2019-10-10?lang=en", seen.get(0), "2019 first");
        assertEquals("/doc/document/letter-1999-25?lang=en", seen.get(1));
        Element next = first.selectFirst("a.next");
        assertNotNull(next);
        assertTrue(next.attr("href").contains("lang=en"));
        Document second = page(next.attr("href").substring(1));
        List<String> rest = second.select("li.listed a.title").eachAttr("href");
        assertEquals(LETTERS + 1 - BrowseResource.PAGE, rest.size());
        assertEquals("/doc/document/letter-1999-01?lang=en", rest.get(rest.size() - 1));
        assertNotNull(second.selectFirst("a.first"));
        seen.addAll(rest);
        Set<String> unique = new HashSet<>(seen);
        assertEquals(LETTERS + 1, unique.size(), "every letter once");
        // A full last page may still offer a next page; it then lists nothing.
        Element after = second.selectFirst("a.next");
        if (after != null) assertTrue(page(after.attr("href").substring(1)).select("li.listed").isEmpty());
    }

    @Test
    void browseByYearAndByGrade() throws Exception {
        Document year = page("browse/year/2017");
        assertEquals(Set.of("/doc/document/coalition-amnesty-saydnaya-2017-02-07", "/doc/document/amnesty-human-slaughterhouse-2017-02-07"),
                Set.copyOf(year.select("li.listed a.title").eachAttr("href")));
        assertNull(year.selectFirst("a.next"));
        Document grade = page("browse/reliability/not-authentic");
        assertEquals("غير صحيحة", grade.selectFirst("h1").text());
        assertEquals(List.of("/doc/document/demo-audio-recording-2014-05-04", "/doc/document/demo-leaflet-aleppo-2012-08-15"),
                grade.select("li.listed a.title").eachAttr("href"));
        assertTrue(page("browse/year/1900").select("li.listed").isEmpty(), "a year without documents is an empty list");
    }

    @Test
    void unknownBrowseValuesAre404Pages() throws Exception {
        for (String path : List.of("browse/type/sonnet", "browse/reliability/maybe", "browse/year/17", "browse/colour/red", "browse/type/%3Cb%3E")) {
            HttpResponse<String> r = get(path, "text/html");
            assertEquals(404, r.statusCode(), path);
            Document d = Jsoup.parse(r.body());
            assertEquals("/browse", d.selectFirst("main a.browse").attr("href"));
            assertTrue(d.select("main b").isEmpty());
        }
        assertEquals(400, get("browse/type/letter?after=not-a-cursor", "text/html").statusCode());
    }
}
