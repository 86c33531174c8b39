package org.dhakira.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.dhakira.TestArchives;
import org.dhakira.harvest.Peer;
import org.dhakira.harvest.PeerState;
import org.dhakira.ingest.Progress;
import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.dhakira.server.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * {@code /harvest} as an operator reads it, in HTML and JSON: a peer whose last run took a record, refused one and
 * then failed on the peer's error, and a peer never harvested. The first peer's name and the peer's error are
 * hostile markup, which the page must show as text.
 */
class HarvestPageTest {
    static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>";
    static final String HOSTILE_ERROR = "<script>alert('peer')</script>";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    static HttpServer peerServer;
    static Archive archive;
    static ArchiveServer server;
    static PeerState.Outcome outcome;

    /** The peer: a page (one good record, one without title), then an OAI error with markup in its message. */
    @BeforeAll
    static void harvestAFailingPeer() throws Exception {
        peerServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, String> answers = Map.of(
                "verb=Identify", "<Identify><repositoryName>Hostile</repositoryName><baseURL>http://hostile.test/oai</baseURL>"
                        + "<protocolVersion>2.0</protocolVersion><earliestDatestamp>2009-01-01</earliestDatestamp>"
                        + "<deletedRecord>no</deletedRecord><granularity>YYYY-MM-DD</granularity></Identify>",
                "verb=ListRecords&metadataPrefix=oai_dc&set=letters", "<ListRecords>" + record("1", "One") + record("2", " ")
                        + "<resumptionToken>next</resumptionToken></ListRecords>",
                "verb=ListRecords&resumptionToken=next", "<error code=\"badArgument\">" + HOSTILE_ERROR.replace("<", "&lt;") + "</error>");
        peerServer.createContext("/oai", ex -> {
            String body = answers.get(ex.getRequestURI().getRawQuery());
            byte[] bytes = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">"
                    + "<responseDate>2026-11-30T10:00:00Z</responseDate><request>http://hostile.test/oai</request>"
                    + (body == null ? "<error code=\"badVerb\">unknown</error>" : body) + "</OAI-PMH>").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
            ex.sendResponseHeaders(200, bytes.length);
            try (var out = ex.getResponseBody()) {
                out.write(bytes);
            }
        });
        peerServer.start();
        Path home = Files.createDirectories(dir.resolve("home/harvest")).getParent();
        Files.writeString(home.resolve("harvest/peers.json"), """
                {"peers": [
                  {"id": "hostile", "name": {"ar": "%s", "en": "%s"}, "baseUrl": "http://127.0.0.1:%d/oai", "metadataPrefix": "oai_dc", "sets": ["letters"], "every": "PT6H"},
                  {"id": "quiet", "name": {"ar": "الهادئ", "en": "Quiet"}, "baseUrl": "http://127.0.0.1:1/oai", "enabled": false}
                ]}""".formatted(HOSTILE_NAME, HOSTILE_NAME, peerServer.getAddress().getPort()));
        Config plain = TestArchives.config(dir.resolve("data"));
        archive = Archive.open(new Config(plain.host(), plain.port(), plain.data(), plain.base(), Optional.of(home)));
        Peer hostile = archive.configuredPeers().get(0);
        outcome = archive.harvester().harvest(hostile, Progress.NONE);
        server = ArchiveServer.start(archive);
    }

    static String record(String local, String title) {
        return "<record><header><identifier>oai:hostile.test:" + local + "</identifier><datestamp>2020-01-02</datestamp></header>"
                + "<metadata><oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<dc:title xml:lang=\"en\">" + title + "</dc:title><dc:type>Report</dc:type><dc:date>2017-02-07</dc:date>"
                + "</oai_dc:dc></metadata></record>";
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (archive != null) archive.close();
        if (peerServer != null) peerServer.stop(0);
    }

    static HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve(path)).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theHarvestThePageShowsFailedWithTheRecordsItCouldNotTake() {
        assertFalse(outcome.ok());
        assertEquals(1, outcome.counts().added());
        assertEquals(1, outcome.counts().failed());
    }

    @Test
    void theJsonSaysEachPeersLastRunAndWhetherItResumes() throws Exception {
        for (HttpResponse<String> r : new HttpResponse[] {get("harvest.json", "*/*"), get("harvest", "application/json")}) {
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"), r.headers().toString());
            JsonNode peers = new ObjectMapper().readTree(r.body()).get("peers");
            assertEquals(2, peers.size(), r.body());

            JsonNode hostile = peers.get(0);
            assertEquals("hostile", hostile.get("id").asText());
            assertEquals(HOSTILE_NAME, hostile.get("nameEn").asText(), "JSON carries the name as it is; escaping is the reader's");
            assertEquals("oai_dc", hostile.get("metadataPrefix").asText());
            assertEquals("source:hostile", hostile.get("set").asText());
            assertEquals("letters", hostile.get("sets").get(0).asText());
            assertTrue(hostile.get("scheduled").asBoolean());
            assertTrue(hostile.has("nextDue"), r.body());
            assertFalse(hostile.has("lastSuccessStart"), "it never ended well");
            JsonNode last = hostile.get("last");
            assertEquals("failed", last.get("outcome").asText());
            assertFalse(last.get("ok").asBoolean());
            assertEquals(1, last.get("added").asLong());
            assertEquals(0, last.get("updated").asLong());
            assertEquals(0, last.get("deleted").asLong());
            assertEquals(1, last.get("failed").asLong());
            assertTrue(last.get("error").asText().contains("badArgument") && last.get("error").asText().contains(HOSTILE_ERROR), last.toString());
            assertEquals("oai:hostile.test:2", last.get("failures").get(0).get("identifier").asText());
            assertTrue(last.get("failures").get(0).get("reason").asText().contains("title"), last.toString());
            assertEquals(0, last.get("moreFailures").asLong());
            assertTrue(hostile.get("resumes").asBoolean(), "the failed run resumes from its committed page");
            assertEquals(2, hostile.get("resumesAfter").asLong());

            JsonNode quiet = peers.get(1);
            assertEquals("quiet", quiet.get("id").asText());
            assertFalse(quiet.get("scheduled").asBoolean(), "disabled");
            assertFalse(quiet.has("last"), "never harvested");
            assertFalse(quiet.get("resumes").asBoolean());
            assertFalse(quiet.has("nextDue"));
        }
    }

    @Test
    void theHtmlShowsTheRunAndEscapesWhatThePeerSays() throws Exception {
        HttpResponse<String> r = get("harvest?lang=en", "text/html");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        String html = r.body();
        assertFalse(html.contains(HOSTILE_NAME), "the name is text, not markup");
        assertFalse(html.contains("<script>alert"), "the error is text, not markup");
        assertTrue(html.contains("&lt;img src"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertTrue(html.contains("<code>oai:hostile.test:2</code>"), "the record not taken is listed");
        assertTrue(html.contains("<dt>Sets</dt><dd dir=\"ltr\">letters </dd>"), "the peer's sets are shown");
        assertTrue(html.contains("Not harvested yet."), "the quiet peer");
        assertTrue(html.contains("The next harvest resumes after the 2 records taken."), html);
        assertFalse(html.contains("more</p>"), "no 'and 0 more'");
    }

    @Test
    void theArabicPageNamesThePeerInArabicEscapedToo() throws Exception {
        String html = get("harvest?lang=ar", "text/html").body();
        assertTrue(html.contains("الهادئ"), html);
        assertFalse(html.contains(HOSTILE_NAME));
    }
}
