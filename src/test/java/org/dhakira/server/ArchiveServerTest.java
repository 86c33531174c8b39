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
        assertEquals(server.uri().resolve("doc/" + SEED).toString(), r.headers().firstValue("Location").orElseThrow());
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
    void theHomePageCountsTheRecords() throws Exception {
        HttpResponse<String> r = get("");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().matches("(?s).*document\\s+12\\n.*"), r.body());
    }

    @Test
    void demoRecordsAreNotLoadedTwice() {
        assertEquals(0, archive.loadDemoIfEmpty().records());
    }

    @Test
    void portZeroPicksAFreePort() {
        assertTrue(server.port() > 0);
        assertEquals(URI.create("http://localhost:" + server.port() + "/"), server.uri());
    }
}
