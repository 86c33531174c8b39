package org.dhakira.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.dhakira.TestArchives;
import org.dhakira.ingest.InvalidInputException;
import org.dhakira.vocab.Arch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive on a real Jetty on a free port, asked over real HTTP. */
class ArchiveServerTest {

    @TempDir
    static Path dir;

    static Archive archive;
    static ArchiveServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static final String SEED = "document/coalition-amnesty-saydnaya-2017-02-07";

    @BeforeAll
    static void start() throws InvalidInputException {
        archive = Archive.open(TestArchives.config(dir));
        archive.loadDemoIfEmpty();
        TestArchives.load(archive.store(), TestArchives.document("withdrawn", "") + "\n");
        TestArchives.load(archive.store(), "{\"id\":\"document/withdrawn\",\"kind\":\"document\",\"deleted\":true}\n");
        server = ArchiveServer.start(archive);
    }

    @AfterAll
    static void stop() {
        server.close();
        archive.close();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aThingsUriAnswers303ToItsDescription() throws Exception {
        HttpResponse<String> r = get("id/" + SEED);
        assertEquals(303, r.statusCode());
        assertEquals(TestArchives.BASE + "doc/" + SEED, r.headers().firstValue("Location").orElseThrow(),
                "the archive's own base, whatever Host the request named");
    }

    @Test
    void theDescriptionIsTheRecordAsTurtleWithArabicIntact() throws Exception {
        HttpResponse<String> r = get("doc/" + SEED);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/turtle"));
        assertTrue(r.headers().firstValue("Last-Modified").isPresent());
        Graph g = RDFParser.fromString(r.body(), Lang.TURTLE).toGraph();
        var subject = NodeFactory.createURI(TestArchives.BASE + "id/" + SEED);
        assertTrue(g.contains(subject, Arch.documentType, NodeFactory.createURI(Arch.DOCUMENT_TYPE_NS + "press-statement")));
        assertTrue(g.find(subject, Arch.title, org.apache.jena.graph.Node.ANY).toList().stream()
                .anyMatch(t -> "ar".equals(t.getObject().getLiteralLanguage()) && t.getObject().getLiteralLexicalForm().contains("المسلخ البشري")),
                "the Arabic title survives the round trip");
    }

    @Test
    void unknownThingsAre404() throws Exception {
        assertEquals(404, get("doc/document/no-such-thing").statusCode());
        assertEquals(404, get("id/document/no-such-thing").statusCode());
        assertEquals(404, get("doc/spaceship/x").statusCode());
    }

    @Test
    void deletedRecordsAre410WithTheirTombstone() throws Exception {
        HttpResponse<String> r = get("doc/document/withdrawn");
        assertEquals(410, r.statusCode());
        Graph g = RDFParser.fromString(r.body(), Lang.TURTLE).toGraph();
        assertTrue(g.contains(NodeFactory.createURI(TestArchives.BASE + "id/document/withdrawn"),
                org.apache.jena.vocabulary.RDF.type.asNode(), Arch.Tombstone));
    }

    @Test
    void healthSaysTheStoreIsReadyAndHowFarItHasCome() throws Exception {
        HttpResponse<String> r = get("health");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("\"status\":\"up\""), r.body());
        assertTrue(r.body().contains("\"sequence\":32"), r.body());
    }

    @Test
    void theHomePageCountsTheRecordsAsTextForClientsThatAskForIt() throws Exception {
        HttpResponse<String> r = get("", "Accept", "text/plain");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().matches("(?s).*document\\s+12\\n.*"), r.body());
    }

    @Test
    void demoRecordsAreNotLoadedTwice() {
        assertEquals(0, archive.loadDemoIfEmpty().records());
    }

    private static HttpResponse<String> get(String path, String header, String value) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve(path)).header(header, value).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSearchPageIsArabicRightToLeftByDefaultAndEnglishOnRequest() throws Exception {
        HttpResponse<String> ar = get("search?q=" + enc("صيدنايا"));
        assertEquals(200, ar.statusCode());
        assertTrue(ar.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(ar.body().contains("<html lang=\"ar\" dir=\"rtl\">"), ar.body());
        assertTrue(ar.body().contains("<mark>صيدنايا</mark>"), "highlighted snippet");
        assertTrue(ar.body().contains("سجن صيدنايا"));
        HttpResponse<String> en = get("search?q=Saydnaya&lang=en");
        assertTrue(en.body().contains("<html lang=\"en\" dir=\"ltr\">"));
        HttpResponse<String> browser = get("search?q=Saydnaya", "Accept-Language", "en-GB,en;q=0.9");
        assertTrue(browser.body().contains("<html lang=\"en\" dir=\"ltr\">"), "English from Accept-Language");
    }

    @Test
    void titlesWithMarkupAreShownAsText() throws Exception {
        HttpResponse<String> r = get("search?q=Evacuation&lang=en");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("&lt;Siege&gt;"), r.body());
        assertTrue(!r.body().contains("<Siege>") && !r.body().contains("<script>alert"), "nothing from a record becomes markup");
    }

    @Test
    void searchAnswersJsonByAcceptAndByExtension() throws Exception {
        HttpResponse<String> byAccept = get("search?q=Saydnaya&type=report", "Accept", "application/json");
        assertEquals(200, byAccept.statusCode());
        assertTrue(byAccept.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(byAccept.body());
        assertEquals(1, json.get("total").asInt());
        assertEquals("document/amnesty-human-slaughterhouse-2017-02-07", json.get("hits").get(0).get("id").asText());
        assertEquals("تقرير", json.get("facets").get("type").get(0).get("label").get("ar").asText());
        HttpResponse<String> byName = get("search.json?q=" + enc("وليد"));
        assertEquals(200, byName.statusCode());
        assertTrue(byName.body().contains("person/walid-al-muallem"), byName.body());
    }

    @Test
    void malformedSearchesAre400WithAMessageNeverATrace() throws Exception {
        HttpResponse<String> page = get("search?q=" + enc("title:(Human AND"));
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("role=\"alert\""), page.body());
        assertTrue(!page.body().contains("Exception") && !page.body().contains("at org."), page.body());
        HttpResponse<String> json = get("search.json?q=x&sort=sideways");
        assertEquals(400, json.statusCode());
        assertTrue(json.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertTrue(json.body().contains("sort must be relevance, newest or oldest"), json.body());
    }

    @Test
    void anEmptyResultSaysSoAndOffersToRemoveTheFilter() throws Exception {
        HttpResponse<String> r = get("search?q=Saydnaya&type=map&lang=en");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("Nothing matches this search."), r.body());
        assertTrue(r.body().contains("Try removing a filter"), r.body());
        assertTrue(r.body().contains("href=\"/search?q&#61;Saydnaya&amp;lang&#61;en\""), r.body());
    }

    @Test
    void healthTellsWhetherTheIndexIsBehind() throws Exception {
        assertTrue(get("health").body().contains("\"indexBehind\":0"));
    }

    @Test
    void stylesAreServedAndNothingElseIs() throws Exception {
        assertEquals(200, get("static/archive.css").statusCode());
        int traversal = get("static/..%2F..%2Fpom.xml").statusCode();
        assertTrue(traversal == 400 || traversal == 404, "Jetty refuses an encoded slash (400) or nothing is found: " + traversal);
        assertEquals(404, get("static/dhakira.properties").statusCode());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void portZeroPicksAFreePort() {
        assertTrue(server.port() > 0);
        assertEquals(URI.create("http://localhost:" + server.port() + "/"), server.uri());
    }
}
