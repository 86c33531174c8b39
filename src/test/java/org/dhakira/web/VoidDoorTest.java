package org.dhakira.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.dhakira.TestArchives;
import org.dhakira.crawl.CrawlSettings;
import org.dhakira.ingest.Format;
import org.dhakira.ingest.Input;
import org.dhakira.ingest.Progress;
import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;
import org.dhakira.vocab.Arch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** {@code /.well-known/void} on a real server over the demo records: its counts are the store's. */
class VoidDoorTest {

    static final String VOID = "http://rdfs.org/ns/void#";
    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String DCTERMS = "http://purl.org/dc/terms/";
    static final Node DATASET = NodeFactory.createURI(TestArchives.BASE);

    @TempDir
    static Path dir;

    static Archive archive;
    static ArchiveServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        archive = Archive.open(TestArchives.config(dir));
        archive.loadDemoIfEmpty();
        archive.loader().load(List.of(Input.of("t.jsonl", Format.JSON, TestArchives.document("withdrawn", "") + "\n")), 0, Progress.NONE);
        archive.loader().load(List.of(Input.of("t.jsonl", Format.JSON, "{\"id\":\"document/withdrawn\",\"kind\":\"document\",\"deleted\":true}\n")), 0, Progress.NONE);
        server = ArchiveServer.start(archive, new CrawlSettings(CrawlSettings.SITEMAP_LIMIT, Duration.ofMillis(100)));
    }

    @AfterAll
    static void stop() {
        server.close();
        archive.close();
    }

    static HttpResponse<String> get(String path, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve(path)).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    static Graph voidGraph(String accept, Lang lang) throws Exception {
        HttpResponse<String> r = get(".well-known/void", accept);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        return RDFParser.fromString(r.body(), lang).toGraph();
    }

    static Node one(Graph g, Node s, String p) {
        List<Node> values = g.find(s, NodeFactory.createURI(p), Node.ANY).mapWith(Triple::getObject).toList();
        assertEquals(1, values.size(), p + " of " + s + ": " + values);
        return values.get(0);
    }

    static long number(Graph g, Node s, String p) {
        return Long.parseLong(one(g, s, p).getLiteralLexicalForm());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/turtle", "application/ld+json", "application/rdf+xml", "application/n-triples"})
    void theCountsAreTheStoresInEveryFormat(String accept) throws Exception {
        Lang lang = org.apache.jena.riot.RDFLanguages.contentTypeToLang(accept);
        Graph g = voidGraph(accept, lang);
        RecordStore store = archive.store();
        long[] quads = {0};
        Set<Node> classes = new HashSet<>();
        Set<Node> live = new HashSet<>();
        long[] documents = {0};
        Txn.executeRead(store.dataset(), () -> {
            store.dataset().asDatasetGraph().findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining((Quad q) -> {
                quads[0]++;
                if (q.getPredicate().equals(RDF.type.asNode())) classes.add(q.getObject());
            });
            store.dataset().asDatasetGraph().listGraphNodes().forEachRemaining(n -> {
                RecordId id = RecordId.fromIri(store.base(), n.getURI()).orElseThrow();
                if (store.status(id).orElseThrow() == RecordStore.Status.LIVE) {
                    live.add(n);
                    if (id.kind() == org.dhakira.vocab.Kind.DOCUMENT) documents[0]++;
                }
            });
        });
        assertEquals(quads[0], number(g, DATASET, VOID + "triples"), "every statement of every record graph");
        assertEquals(live.size(), number(g, DATASET, VOID + "entities"), "the live records");
        assertEquals(classes.size(), number(g, DATASET, VOID + "classes"));
        Node documentPartition = g.find(DATASET, NodeFactory.createURI(VOID + "classPartition"), Node.ANY).mapWith(Triple::getObject)
                .filterKeep(p -> g.contains(p, NodeFactory.createURI(VOID + "class"), Arch.Document)).next();
        assertEquals(documents[0], number(g, documentPartition, VOID + "entities"));

        assertEquals(TestArchives.BASE + "sparql", one(g, DATASET, VOID + "sparqlEndpoint").getURI());
        assertEquals(TestArchives.BASE + "id/", one(g, DATASET, VOID + "uriSpace").getLiteralLexicalForm());
        assertEquals(archive.config().oai().license(), one(g, DATASET, DCTERMS + "license").getURI());
        assertEquals(TestArchives.BASE + "dumps/dhakira.nq.gz", one(g, DATASET, VOID + "dataDump").getURI());
        List<Node> examples = g.find(DATASET, NodeFactory.createURI(VOID + "exampleResource"), Node.ANY).mapWith(Triple::getObject).toList();
        assertTrue(!examples.isEmpty() && examples.size() <= 3, examples.toString());
        for (Node e : examples) {
            assertTrue(live.contains(e), "an example is a live record: " + e);
            HttpResponse<String> r = get(e.getURI().substring(TestArchives.BASE.length()), "text/turtle");
            assertEquals(303, r.statusCode(), "an example resolves: " + e);
        }
    }

    @Test
    void aBrowserGetsTurtleAndARepeatedRequestA304() throws Exception {
        HttpResponse<String> browser = get(".well-known/void", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertEquals(200, browser.statusCode());
        assertTrue(browser.headers().firstValue("Content-Type").orElseThrow().startsWith("application/rdf+xml"),
                "the browser's application/xml;q=0.9 is the best RDF it takes");
        HttpResponse<String> turtle = get(".well-known/void", "text/turtle");
        String etag = turtle.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = HTTP.send(java.net.http.HttpRequest.newBuilder(server.uri().resolve(".well-known/void"))
                .header("Accept", "text/turtle").header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode());
        HttpResponse<String> refused = get(".well-known/void", "image/png");
        assertEquals(406, refused.statusCode());
        assertTrue(refused.body().contains("text/turtle"), refused.body());
    }

    @Test
    void theDumpsSizeAndDateOnceWritten() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<byte[]> dump;
        do {
            Thread.sleep(50);
            dump = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("dumps/dhakira.nq.gz")).build(), HttpResponse.BodyHandlers.ofByteArray());
        } while (dump.statusCode() != 200 && System.nanoTime() < deadline);
        assertEquals(200, dump.statusCode());
        Graph g = voidGraph("text/turtle", Lang.TURTLE);
        Node file = NodeFactory.createURI(TestArchives.BASE + "dumps/dhakira.nq.gz");
        assertEquals(dump.body().length, number(g, file, DCAT + "byteSize"));
        Node modified = one(g, file, DCTERMS + "modified");
        assertEquals(org.apache.jena.datatypes.xsd.XSDDatatype.XSDdateTime.getURI(), modified.getLiteralDatatypeURI());
        assertTrue(one(g, file, DCTERMS + "description").getLiteralLexicalForm().contains("Refreshed, not streamed"));
    }

    @Test
    void theCountsFollowChanges() throws Exception {
        long before = number(voidGraph("text/turtle", Lang.TURTLE), DATASET, VOID + "entities");
        archive.loader().load(List.of(Input.of("t.jsonl", Format.JSON, TestArchives.organisation("counted", "Counted", "معدود") + "\n")), 0, Progress.NONE);
        assertEquals(before + 1, number(voidGraph("text/turtle", Lang.TURTLE), DATASET, VOID + "entities"));
    }
}
