package org.dhakira.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.dhakira.RawHttp;
import org.dhakira.TestArchives;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a hostile or careless client sends, on every door, over raw sockets so that nothing is tidied on the way:
 * each gets its expected status, never a 5xx or a stack trace, and nothing in the store changes (its sequence
 * number is checked after every test). Limits on size are in {@link DoorLimitsTest}; the OAI door's fuzzing of
 * GET query strings, SPARQL Update by the update parameter and SERVICE allow-listing have their own tests in
 * their doors' classes; this class covers the rest.
 */
class HostileInputTest {

    /** Markup that would run if any page wrote it unescaped. */
    static final String SCRIPT = "\"'><script>alert(1)</script><img src=x onerror=alert(2)>";

    @TempDir
    static Path dir;

    static Archive archive;
    static ArchiveServer server;
    static long sequence;

    @BeforeAll
    static void start() {
        archive = Archive.open(TestArchives.config(dir));
        archive.loadDemoIfEmpty();
        sequence = archive.store().position().sequence();
        server = ArchiveServer.start(archive);
    }

    @AfterAll
    static void stop() {
        server.close();
        archive.close();
    }

    @AfterEach
    void nothingChanged() {
        assertEquals(sequence, archive.store().position().sequence(), "hostile input changed the store");
    }

    private static void noTrace(RawHttp.Reply r) {
        assertTrue(r.status() < 500, "a 5xx: " + r.text());
        assertFalse(r.text().contains("Exception") || r.text().contains("at org.") || r.text().contains("at java."), "a stack trace: " + r.text());
    }

    // Paths that try to leave the archive

    @ParameterizedTest
    @ValueSource(strings = {
            "/doc/../../etc/passwd", "/doc/../../../../../../etc/passwd", "/doc/%2e%2e/%2e%2e/etc/passwd",
            "/doc/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/doc/..%2f..%2f..%2fetc%2fpasswd", "/doc/document/..%2F..%2F..%2Fpom.xml",
            "/static/../pom.xml", "/static/..%2f..%2fpom.xml", "/static/%2e%2e%2f%2e%2e%2fpom.xml", "/static/%252e%252e%252fpom.xml",
            "/static/..%252f..%252fpom.xml", "/static/%c0%ae%c0%ae%c0%afpom.xml", "/static/....//....//pom.xml",
            "/static/..\\..\\pom.xml", "/static/yasgui/..%2f..%2f..%2fdhakira.properties", "/static/yasgui/%2e%2e/%2e%2e/dhakira.properties",
            "/static/%2e%2e/dhakira.properties", "/static/./../dhakira.properties", "/static//etc/passwd", "/static/%00archive.css",
            "/oai/..%2f..%2fpom.xml", "/vocab/..%2f..%2fpom.xml", "/dumps/..%2f..%2fstore%2fGEN", "/dumps/%2e%2e/%2e%2e/pom.xml",
            "/sitemap/..%2f..%2fpom.xml", "/%2e%2e/%2e%2e/etc/passwd", "/..;/..;/etc/passwd", "/static;/../pom.xml"})
    void aPathNeverLeadsOutOfTheArchive(String path) throws IOException {
        RawHttp.Reply r = RawHttp.get(server.port(), path, "*/*");
        noTrace(r);
        assertTrue(List.of(400, 404, 301, 303, 308, 406).contains(r.status()), path + " answered " + r.status() + ": " + r.text());
        assertFalse(r.body().contains("root:") || r.body().contains("<project") || r.body().contains("sparql.rowCap")
                || r.body().contains("modelVersion"), path + " served a file from outside server/static: " + r.text());
        r.header("Location").ifPresent(to -> assertFalse(to.contains(".."), path + " redirected to " + to));
    }

    // Markup in parameters, reflected in pages

    @ParameterizedTest
    @ValueSource(strings = {"/search?q=", "/search?lang=en&q=", "/search?type=", "/search?q=x&from=", "/search?q=x&sort=",
            "/search?q=x&after=", "/search?q=title:(", "/browse/type/", "/browse/year/", "/browse/reliability/", "/doc/document/",
            "/id/document/", "/doc/spaceship/", "/vocab/reliability/", "/sparql?lang=", "/sparql?query=", "/?lang=", "/dumps/?lang=", "/vocab?lang="})
    void markupInAParameterIsShownAsText(String prefix) throws IOException {
        String target = prefix + URLEncoder.encode(SCRIPT, StandardCharsets.UTF_8).replace("+", "%20");
        RawHttp.Reply r = RawHttp.get(server.port(), target, "text/html");
        noTrace(r);
        String type = r.header("Content-Type").orElse("");
        if (type.startsWith("text/html")) {
            assertFalse(r.text().contains("<script>alert(1)") || r.text().contains("<img src=x"), target + " reflects markup: " + r.text());
            assertFalse(r.text().contains("onerror=alert(2)>"), target + " lets an attribute out of its quotes: " + r.text());
        } else {
            // A refusal may quote the input as plain text; the browser is told not to read it as anything else.
            assertTrue(type.startsWith("text/plain") || type.startsWith("application/"), target + " answered " + type);
            assertEquals("nosniff", r.header("X-Content-Type-Options").orElse(""), target + ": " + r.text());
        }
    }

    // Bytes that are not UTF-8

    @ParameterizedTest
    @ValueSource(strings = {"/search?q=%C3%28", "/search?q=%FF%FE", "/search.json?q=%ED%A0%80", "/search?q=x&type=%C0%AF",
            "/oai?verb=%FF", "/oai?verb=Identify&x=%C3%28", "/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=%F0%28%8C%BC",
            "/sparql?query=%FF", "/sparql?query=ASK%20%7B%7D%20%23%C3%28", "/doc/document/%C3%28", "/browse/type/%FF", "/vocab/%FF"})
    void invalidUtf8InAQueryStringOrPathIsRefusedOrReadAsReplacement(String target) throws IOException {
        RawHttp.Reply r = RawHttp.get(server.port(), target, "*/*");
        noTrace(r);
        if (target.startsWith("/oai")) {
            assertTrue(r.status() == 200 || r.status() == 400, target + ": " + r.status());
            if (r.status() == 200) assertTrue(r.body().contains("<OAI-PMH"), r.text());
        }
    }

    @Test
    void invalidUtf8InABodyIsRefusedOrReadAsReplacement() throws IOException {
        byte[] query = {'A', 'S', 'K', ' ', '{', '}', ' ', '#', (byte) 0xC3, (byte) 0x28};
        RawHttp.Reply direct = RawHttp.post(server.port(), "/sparql", "application/sparql-query", query);
        assertEquals(415, direct.status(), direct.text());
        assertTrue(direct.body().contains("not valid UTF-8"), direct.text());
        byte[] form = {'v', 'e', 'r', 'b', '=', (byte) 0xFF, (byte) 0xFE};
        RawHttp.Reply oai = RawHttp.post(server.port(), "/oai", "application/x-www-form-urlencoded", form);
        noTrace(oai);
        assertEquals(200, oai.status(), oai.text());
        assertTrue(oai.body().contains("code=\"badVerb\""), oai.text());
    }

    // Malformed forms

    @ParameterizedTest
    @ValueSource(strings = {"verb=Identify&%zz", "verb=%", "=&=&&==", "verb", "&&&&", "verb=Identify&verb=Identify",
            "verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=rdf", "verb=Identify%00", "verb=Identify&x=%E2%80", "%%%%%%"})
    void aMalformedOaiFormGetsAnOaiAnswerOr400(String form) throws IOException {
        RawHttp.Reply r = RawHttp.post(server.port(), "/oai", "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.ISO_8859_1));
        noTrace(r);
        assertTrue(r.status() == 200 || r.status() == 400, form + ": " + r.text());
        if (r.status() == 200) assertTrue(r.body().contains("<OAI-PMH") && r.body().contains("<error code="), form + ": " + r.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"query=%zz", "query=%", "query", "=&=", "query=ASK%20%7B%7D&query=ASK%20%7B%7D", "&&&", "query=%C3%28"})
    void aMalformedSparqlFormIsRefused(String form) throws IOException {
        RawHttp.Reply r = RawHttp.post(server.port(), "/sparql", "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.ISO_8859_1));
        noTrace(r);
        assertTrue(r.status() == 400 || r.status() == 415 || r.status() == 200, form + ": " + r.text());
    }

    @Test
    void aBodyOfAnotherTypeIsRefusedByTheOaiDoor() throws IOException {
        RawHttp.Reply r = RawHttp.post(server.port(), "/oai", "application/json", "{\"verb\":\"Identify\"}".getBytes(StandardCharsets.UTF_8));
        noTrace(r);
        assertEquals(415, r.status(), r.text());
    }

    // SPARQL Update on the query door

    @ParameterizedTest
    @ValueSource(strings = {"INSERT DATA { <http://archive.test/id/document/x> <http://example.org/p> 1 }",
            "DELETE WHERE { ?s ?p ?o }", "DROP ALL", "CLEAR DEFAULT", "LOAD <http://example.org/data.ttl>",
            "CREATE GRAPH <http://example.org/g>", "WITH <http://example.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
            "PREFIX x: <http://example.org/> INSERT { ?s x:p 1 } WHERE { ?s ?p ?o }"})
    void anUpdateSentAsAQueryIsRefusedAsAnUpdate(String update) throws IOException {
        String encoded = URLEncoder.encode(update, StandardCharsets.UTF_8);
        for (RawHttp.Reply r : List.of(RawHttp.get(server.port(), "/sparql?query=" + encoded, "*/*"),
                RawHttp.post(server.port(), "/sparql", "application/x-www-form-urlencoded", ("query=" + encoded).getBytes(StandardCharsets.US_ASCII)),
                RawHttp.post(server.port(), "/sparql", "application/sparql-query", update.getBytes(StandardCharsets.UTF_8)))) {
            noTrace(r);
            assertEquals(403, r.status(), update + ": " + r.text());
            assertTrue(r.body().contains("SPARQL Update is not accepted"), r.text());
        }
    }

    // Deep nesting where JSON is read (the loader, which the write API shares)

    @ParameterizedTest
    @ValueSource(strings = {"JSON", "JSONLD"})
    void deeplyNestedJsonIsRefusedAsInputNotAsACrash(String format) {
        int depth = 100_000;
        String nested = "[".repeat(depth) + "]".repeat(depth);
        String json = format.equals("JSON")
                ? "{\"id\":\"document/deep\",\"kind\":\"document\",\"title\":{\"en\":" + nested + "}}"
                : "{\"@id\":\"http://archive.test/id/document/deep\",\"http://example.org/p\":" + "{\"@list\":[".repeat(depth / 10)
                        + "1" + "]}".repeat(depth / 10) + "}";
        org.dhakira.ingest.Loader loader = archive.loader();
        org.dhakira.ingest.InvalidInputException refused = org.junit.jupiter.api.Assertions.assertThrows(org.dhakira.ingest.InvalidInputException.class,
                () -> loader.load(List.of(org.dhakira.ingest.Input.of("deep.json", org.dhakira.ingest.Format.valueOf(format), json)), 0,
                        org.dhakira.ingest.Progress.NONE));
        assertFalse(refused.problems().isEmpty());
        assertTrue(String.valueOf(refused.problems()).toLowerCase(java.util.Locale.ROOT).contains("nest")
                || String.valueOf(refused.problems()).toLowerCase(java.util.Locale.ROOT).contains("depth"), String.valueOf(refused.problems()));
    }

    // Random forms on the OAI door by POST (GET query strings are fuzzed in OaiDoorTest)

    @Test
    void randomOaiFormsAlwaysGetAnOaiAnswer() throws IOException {
        Random random = new Random(2011);
        String[] names = {"verb", "metadataPrefix", "identifier", "from", "until", "set", "resumptionToken", "VERB", "", "\u0000"};
        String[] values = {"Identify", "ListRecords", "ListIdentifiers", "GetRecord", "ListSets", "ListMetadataFormats", "Explode",
                "oai_dc", "rdf", "kind:document", "2017-02-07", "1900-01-01T00:00:00Z", "", "%", "\u0001\u0002", "\r\n", "\uD800",
                "<x>", "a".repeat(3000), "صيدنايا", "MQ", "eyJ9", "=&="};
        for (int i = 0; i < 200; i++) {
            StringBuilder form = new StringBuilder();
            for (int k = random.nextInt(6); k > 0; k--) {
                if (form.length() > 0) form.append('&');
                form.append(URLEncoder.encode(names[random.nextInt(names.length)], StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(values[random.nextInt(values.length)], StandardCharsets.UTF_8));
            }
            RawHttp.Reply r = RawHttp.post(server.port(), "/oai", "application/x-www-form-urlencoded", form.toString().getBytes(StandardCharsets.US_ASCII));
            noTrace(r);
            assertEquals(200, r.status(), form + ": " + r.text());
            org.dhakira.oai.OaiSchemas.assertValid(r.body());
        }
    }
}
