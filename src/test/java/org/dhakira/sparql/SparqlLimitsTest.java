package org.dhakira.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.dhakira.TestArchives;
import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.dhakira.server.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits the endpoint keeps, and says it keeps: a time limit that stops a runaway query while others are
 * answered, a row cap that announces its cut, and SERVICE only to allow-listed endpoints (here a Fuseki in this
 * JVM over a small in-memory dataset).
 */
class SparqlLimitsTest {

    static final int CAP = 5;
    /** Three unconstrained patterns over the demo archive: billions of rows, none of them ever sent. */
    static final String RUNAWAY = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    @TempDir
    static Path dir;

    static FusekiServer peer;
    static String peerUrl;
    static Archive archive;
    static ArchiveServer server;
    static SparqlHttp http;

    @BeforeAll
    static void start() throws Exception {
        Model m = ModelFactory.createDefaultModel();
        m.add(m.createResource("http://peer.example/thing"), m.createProperty("http://peer.example/says"), "hello from the peer");
        peer = FusekiServer.create().port(0).loopback(true).add("/peer", DatasetFactory.wrap(m)).build().start();
        peerUrl = "http://localhost:" + peer.getHttpPort() + "/peer";
        Config plain = TestArchives.config(dir);
        Config config = new Config(plain.host(), plain.port(), plain.data(), plain.base(), plain.home(), plain.oai(),
                new Config.Sparql(Duration.ofSeconds(2), CAP, List.of(peerUrl)));
        archive = Archive.open(config);
        archive.loadDemoIfEmpty();
        server = ArchiveServer.start(archive);
        http = new SparqlHttp(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
        archive.close();
        peer.stop();
    }

    @Test
    void aCutAnswerSaysSoAndAnAnswerThatFitsDoesNot() throws Exception {
        HttpResponse<String> cut = http.get("SELECT * { ?s ?p ?o }", "application/sparql-results+json");
        assertEquals(CAP + "; truncated", cut.headers().firstValue(SparqlResourceHeaders.ROW_CAP).orElseThrow());
        assertEquals(CAP, SparqlDoorTest.column(cut, "s").size());
        HttpResponse<String> fits = http.get("SELECT * { ?s ?p ?o } LIMIT " + CAP, "text/csv");
        assertEquals(String.valueOf(CAP), fits.headers().firstValue(SparqlResourceHeaders.ROW_CAP).orElseThrow());
        assertEquals(CAP, SparqlDoorTest.column(fits, "s").size());
        HttpResponse<String> paged = http.get("SELECT ?s { ?s ?p ?o } ORDER BY ?s ?p ?o OFFSET 3 LIMIT 100", "application/sparql-results+json");
        assertTrue(paged.headers().firstValue(SparqlResourceHeaders.ROW_CAP).orElseThrow().endsWith("; truncated"),
                "a LIMIT above the cap is cut too");
        HttpResponse<String> graph = http.get("CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples");
        assertEquals(CAP + "; truncated", graph.headers().firstValue(SparqlResourceHeaders.ROW_CAP).orElseThrow());
        assertEquals(CAP, graph.body().lines().filter(l -> !l.isBlank()).count());
        HttpResponse<String> described = http.get("DESCRIBE ?s { ?s ?p ?o }", "application/n-triples");
        assertEquals(CAP + "; truncated", described.headers().firstValue(SparqlResourceHeaders.ROW_CAP).orElseThrow(), "DESCRIBE is capped too");
        assertEquals(CAP, described.body().lines().filter(l -> !l.isBlank()).count());
    }

    @Test
    void aRunawayQueryIsStoppedAtTheLimitWhileOthersAreAnswered() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpResponse<String>>> runaways = new ArrayList<>();
            for (int i = 0; i < 2; i++) runaways.add(pool.submit(() -> http.get(RUNAWAY, "application/sparql-results+json")));
            // While both run, small queries keep being answered.
            int answered = 0;
            while (runaways.stream().anyMatch(f -> !f.isDone())) {
                HttpResponse<String> small = http.get("ASK { ?s a <https://w3id.org/dhakira/vocab#Document> }", "application/sparql-results+json");
                assertEquals(200, small.statusCode(), small.body());
                assertTrue(small.body().contains("true"));
                answered++;
            }
            assertTrue(answered > 0, "no small query was answered while the runaways ran");
            for (Future<HttpResponse<String>> f : runaways) {
                HttpResponse<String> r = f.get();
                assertEquals(503, r.statusCode(), r.body());
                assertTrue(r.body().contains("time limit of 2 s"), r.body());
            }
        } finally {
            pool.shutdownNow();
        }
        HttpResponse<String> after = http.get("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "application/sparql-results+json");
        assertEquals(200, after.statusCode(), "the endpoint is still well");
    }

    @Test
    void serviceReachesAnAllowListedEndpointAndNoOther() throws Exception {
        HttpResponse<String> allowed = http.get("SELECT ?said { SERVICE <" + peerUrl + "> { ?s <http://peer.example/says> ?said } }",
                "application/sparql-results+json");
        assertEquals(200, allowed.statusCode(), allowed.body());
        assertEquals(List.of("hello from the peer"), SparqlDoorTest.column(allowed, "said"));
        HttpResponse<String> other = http.get("SELECT * { SERVICE <" + peerUrl + "x> { ?s ?p ?o } }", "application/sparql-results+json");
        assertEquals(403, other.statusCode());
        assertTrue(other.body().contains(peerUrl + "x") && other.body().contains("not allowed"), other.body());
    }

    @Test
    void theServiceDescriptionAnnouncesFederationWhenSomethingIsAllowed() throws Exception {
        HttpResponse<String> sd = http.getPath("sparql", "application/n-triples");
        assertTrue(sd.body().contains("BasicFederatedQuery"), sd.body());
        assertFalse(sd.body().contains("urn:dhakira:system"));
    }
}
