package org.dhakira.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.system.Txn;
import org.dhakira.TestArchives;
import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The W3C SPARQL 1.1 Protocol tests (src/test/resources/w3c, with their licence and source), replayed over HTTP
 * against a running archive. The query tests pass as the manifest says; the update tests, written for an
 * endpoint that takes updates, get this read-only endpoint's refusal instead.
 */
class SparqlProtocolTest {

    static final String MANIFEST = "w3c/protocol/manifest.ttl";

    @TempDir
    static Path dir;

    static Archive archive;
    static ArchiveServer server;
    static SparqlHttp http;

    /** One request of a test, as the manifest spells it. */
    record Exchange(String method, String path, List<String[]> headers, String body, String encoding,
                    List<String> expectedStatus, String expectedFormat, Boolean expectedBoolean) {}

    record ProtocolCase(String name, List<Exchange> exchanges) {
        @Override
        public String toString() {
            return name;
        }

        boolean update() {
            return name.startsWith("update_") || name.startsWith("bad_update_");
        }
    }

    @BeforeAll
    static void start() {
        archive = Archive.open(TestArchives.config(dir));
        // The tests' data graphs are not records of this archive (their names are not its URIs), so they are
        // written straight into the store's dataset: the fixture of this test, not a way in for anything else.
        Txn.executeWrite(archive.store().dataset(), () -> {
            for (int i = 1; i <= 3; i++) {
                Model m = ModelFactory.createDefaultModel();
                RDFDataMgr.read(m, resource("w3c/protocol/data" + i + ".nt"), Lang.NTRIPLES);
                archive.store().dataset().addNamedModel("http://kasei.us/2009/09/sparql/data/data" + i + ".rdf", m);
            }
        });
        server = ArchiveServer.start(archive);
        http = new SparqlHttp(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
        archive.close();
    }

    static InputStream resource(String name) {
        return SparqlProtocolTest.class.getClassLoader().getResourceAsStream(name);
    }

    static Stream<ProtocolCase> cases() {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.source(resource(MANIFEST)).lang(Lang.TURTLE).base("http://www.w3.org/2009/sparql/docs/tests/data-sparql11/protocol/manifest.ttl").parse(m);
        String q = """
                PREFIX mf: <http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#>
                PREFIX ht: <http://www.w3.org/2011/http#>
                PREFIX cnt: <http://www.w3.org/2011/content#>
                PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
                SELECT ?test ?req ?method ?path ?chars ?enc ?resp WHERE {
                  ?manifest mf:entries/rdf:rest*/rdf:first ?test .
                  ?test mf:action/ht:requests/rdf:rest*/rdf:first ?req .
                  ?req ht:methodName ?method ; ht:absolutePath ?path ; ht:resp ?resp .
                  OPTIONAL { ?req ht:body [ cnt:chars ?chars ; cnt:characterEncoding ?enc ] }
                }""";
        List<ProtocolCase> out = new ArrayList<>();
        Query query = QueryFactory.create(q);
        try (QueryExecution qe = QueryExecution.model(m).query(query).build()) {
            ResultSet rs = qe.execSelect();
            java.util.Map<String, List<Exchange>> byTest = new java.util.LinkedHashMap<>();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                String name = s.getResource("test").getURI().replaceAll(".*#", "");
                var req = s.getResource("req");
                var resp = s.getResource("resp");
                List<String[]> headers = new ArrayList<>();
                var h = m.listObjectsOfProperty(req, m.createProperty("http://www.w3.org/2011/http#headers"));
                if (h.hasNext()) {
                    for (var item : h.next().as(org.apache.jena.rdf.model.RDFList.class).asJavaList()) {
                        var r = item.asResource();
                        headers.add(new String[] {r.getProperty(m.createProperty("http://www.w3.org/2011/http#fieldName")).getString(),
                                r.getProperty(m.createProperty("http://www.w3.org/2011/http#fieldValue")).getString()});
                    }
                }
                List<String> statuses = new ArrayList<>();
                resp.listProperties(m.createProperty("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#expectedStatus"))
                        .forEachRemaining(st -> statuses.add(st.getResource().getURI().replaceAll(".*#StatusCode", "")));
                var fmt = resp.getProperty(m.createProperty("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#expectedFormat"));
                var bool = resp.getProperty(m.createProperty("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#expectedBoolean"));
                byTest.computeIfAbsent(name, k -> new ArrayList<>()).add(new Exchange(s.getLiteral("method").getString(),
                        s.getLiteral("path").getString(), headers, s.contains("chars") ? s.getLiteral("chars").getString() : null,
                        s.contains("enc") ? s.getLiteral("enc").getString() : "UTF-8", statuses,
                        fmt == null ? null : fmt.getString(), bool == null ? null : bool.getBoolean()));
            }
            byTest.forEach((name, exchanges) -> out.add(new ProtocolCase(name, exchanges)));
        }
        assertEquals(34, out.size(), "every test of the manifest is read");
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void w3cProtocolTest(ProtocolCase test) throws Exception {
        if (test.update()) {
            // A read-only endpoint: the first request, an update, is refused with a 4xx that says why.
            HttpResponse<String> r = send(test.exchanges().get(0));
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, test.name() + ": " + r.statusCode() + " " + r.body());
            // An update the protocol would deliver (GET, a form, application/sparql-update) is refused as an update;
            // one in a wrong media type is refused for that (415) before anyone reads it.
            boolean wellFormedUpdate = test.exchanges().get(0).method().equals("GET") || test.exchanges().get(0).headers().stream()
                    .anyMatch(h -> h[0].equalsIgnoreCase("content-type") && (h[1].startsWith("application/sparql-update")
                            || h[1].startsWith("application/x-www-form-urlencoded")));
            if (wellFormedUpdate) {
                assertEquals(403, r.statusCode(), test.name());
                assertTrue(r.body().contains("SPARQL Update is not accepted"), test.name() + ": " + r.body());
            }
            return;
        }
        for (Exchange e : test.exchanges()) {
            HttpResponse<String> r = send(e);
            String klass = (r.statusCode() / 100) + "xx";
            assertTrue(e.expectedStatus().contains(klass), test.name() + ": " + r.statusCode() + " not in " + e.expectedStatus() + ": " + r.body());
            if (e.expectedFormat() == null) continue;
            String type = r.headers().firstValue("Content-Type").orElseThrow().split(";")[0];
            switch (e.expectedFormat()) {
                case "boolean" -> {
                    assertTrue(List.of("application/sparql-results+json", "application/sparql-results+xml").contains(type), type);
                    boolean value = ResultSetMgr.readBoolean(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)),
                            type.endsWith("json") ? ResultSetLang.RS_JSON : ResultSetLang.RS_XML);
                    if (e.expectedBoolean() != null) assertEquals(e.expectedBoolean(), value, test.name());
                }
                case "tabular" -> {
                    assertTrue(List.of("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                            "text/tab-separated-values").contains(type), type);
                    assertTrue(ResultSetMgr.read(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON).hasNext());
                }
                case "RDF" -> {
                    assertTrue(List.of("application/rdf+xml", "text/turtle", "application/n-triples").contains(type), type);
                    Graph g = RDFParser.fromString(r.body(), org.apache.jena.riot.RDFLanguages.contentTypeToLang(type)).toGraph();
                    if (test.name().endsWith("construct")) {
                        assertTrue(g.contains(Node.ANY, Node.ANY, NodeFactory.createLiteralDT("1",
                                org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)), r.body());
                    }
                }
                default -> throw new AssertionError("unknown expected format " + e.expectedFormat());
            }
        }
    }

    /** The manifest's paths start with /sparql/; ours is /sparql. */
    static HttpResponse<String> send(Exchange e) throws Exception {
        String path = e.path().replaceFirst("^/sparql/", "sparql");
        HttpRequest.BodyPublisher body = e.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(e.body().getBytes(Charset.forName(e.encoding())));
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path)).method(e.method(), body);
        for (String[] h : e.headers()) b.header(h[0], h[1]);
        return http.send(b);
    }
}
