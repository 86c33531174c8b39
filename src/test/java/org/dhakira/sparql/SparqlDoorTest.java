package org.dhakira.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.vocabulary.RDF;
import org.dhakira.TestArchives;
import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.dhakira.vocab.DataFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The SPARQL door as researchers' tools meet it, over the demo archive: a real Jetty on a free port, real HTTP,
 * a real TDB2 store and index in a temporary folder.
 */
class SparqlDoorTest {

    static final String PREFIXES = "PREFIX arch: <https://w3id.org/dhakira/vocab#>\nPREFIX text: <http://jena.apache.org/text#>\n";
    static final String SAYDNAYA = "document/coalition-amnesty-saydnaya-2017-02-07";

    @TempDir
    static Path dir;

    static Archive archive;
    static ArchiveServer server;
    static SparqlHttp http;

    @BeforeAll
    static void start() throws Exception {
        archive = Archive.open(TestArchives.config(dir));
        archive.loadDemoIfEmpty();
        TestArchives.load(archive.store(), TestArchives.document("withdrawn", "") + "\n");
        TestArchives.load(archive.store(), "{\"id\":\"document/withdrawn\",\"kind\":\"document\",\"deleted\":true}\n");
        server = ArchiveServer.start(archive);
        http = new SparqlHttp(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
        archive.close();
    }

    static ResultSet table(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        String type = r.headers().firstValue("Content-Type").orElseThrow();
        Lang lang = type.startsWith("application/sparql-results+xml") ? ResultSetLang.RS_XML
                : type.startsWith("text/csv") ? ResultSetLang.RS_CSV
                : type.startsWith("text/tab-separated-values") ? ResultSetLang.RS_TSV : ResultSetLang.RS_JSON;
        return ResultSetFactory.copyResults(ResultSetMgr.read(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), lang));
    }

    /** The values of {@code var} in the rows that bind it. */
    static List<String> column(HttpResponse<String> r, String var) {
        ResultSet rs = table(r);
        List<String> out = new ArrayList<>();
        rs.forEachRemaining(s -> {
            if (s.contains(var)) out.add(s.get(var).toString());
        });
        return out;
    }

    @ParameterizedTest
    @CsvSource({
            "application/sparql-results+json, application/sparql-results+json",
            "application/sparql-results+xml, application/sparql-results+xml",
            "text/csv, text/csv",
            "text/tab-separated-values, text/tab-separated-values",
            "'text/csv;q=0.5, application/sparql-results+xml;q=0.9', application/sparql-results+xml",
            "application/json, application/sparql-results+json",
            "*/*, application/sparql-results+json"})
    void answersSelectInTheFormatAcceptAsksFor(String accept, String expected) throws Exception {
        HttpResponse<String> r = http.get(PREFIXES + "SELECT ?doc WHERE { ?doc a arch:Document } ORDER BY ?doc", accept);
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith(expected), r.headers().toString());
        assertEquals(12, column(r, "doc").size(), "the twelve live demo documents, not the tombstone");
        assertEquals("10000", r.headers().firstValue("X-Dhakira-Row-Cap").orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({
            "text/turtle, text/turtle, TURTLE",
            "application/ld+json, application/ld+json, JSONLD",
            "application/rdf+xml, application/rdf+xml, RDFXML",
            "application/n-triples, application/n-triples, NTRIPLES",
            "'application/rdf+xml;q=0.2, text/turtle;q=0.8', text/turtle, TURTLE",
            "application/xml, application/rdf+xml, RDFXML",
            "application/json, application/ld+json, JSONLD"})
    void answersConstructAndDescribeInTheRdfFormatAcceptAsksFor(String accept, String expected, String lang) throws Exception {
        for (String q : List.of("CONSTRUCT { ?doc a arch:Document } WHERE { ?doc a arch:Document }",
                "DESCRIBE <" + TestArchives.BASE + "id/" + SAYDNAYA + ">")) {
            HttpResponse<String> r = http.get(PREFIXES + q, accept);
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith(expected));
            Graph g = RDFParser.fromString(r.body(), langOf(lang)).toGraph();
            assertTrue(g.contains(NodeFactory.createURI(TestArchives.BASE + "id/" + SAYDNAYA), RDF.type.asNode(),
                    NodeFactory.createURI("https://w3id.org/dhakira/vocab#Document")), q);
        }
    }

    static Lang langOf(String name) {
        return switch (name) {
            case "TURTLE" -> Lang.TURTLE;
            case "JSONLD" -> Lang.JSONLD;
            case "RDFXML" -> Lang.RDFXML;
            default -> Lang.NTRIPLES;
        };
    }

    @ParameterizedTest
    @CsvSource({"csv, text/csv", "tsv, text/tab-separated-values", "xml, application/sparql-results+xml", "json, application/sparql-results+json",
            "text/csv, text/csv"})
    void formatParameterOverridesAcceptAndUnknownParametersAreIgnored(String format, String expected) throws Exception {
        HttpResponse<String> r = http.getPath("sparql?query=" + SparqlHttp.enc("SELECT (1 AS ?one) {}") + "&format=" + SparqlHttp.enc(format)
                + "&timeout=5&callback=&_=12345", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith(expected), r.headers().toString());
        HttpResponse<String> o = http.getPath("sparql?query=" + SparqlHttp.enc("CONSTRUCT { <urn:a> <urn:b> 1 } {}") + "&output=ttl", "*/*");
        assertTrue(o.headers().firstValue("Content-Type").orElseThrow().startsWith("text/turtle"));
    }

    @Test
    void anUnknownFormatValueIsRefusedByName() throws Exception {
        HttpResponse<String> r = http.getPath("sparql?query=" + SparqlHttp.enc("ASK {}") + "&format=yaml", "*/*");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("format 'yaml'"), r.body());
    }

    @Test
    void postFormAndPostDirectAnswerLikeGet() throws Exception {
        String q = PREFIXES + "SELECT ?doc WHERE { ?doc a arch:Document }";
        assertEquals(12, column(http.postForm("query=" + SparqlHttp.enc(q), "application/sparql-results+json"), "doc").size());
        assertEquals(12, column(http.postQuery(q, "application/sparql-results+json"), "doc").size());
    }

    @Test
    void aFormInAnotherCharsetIsRefusedNotMisread() throws Exception {
        HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(server.uri().resolve("sparql"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=ISO-8859-1")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("query=ASK%20%7B%7D")));
        assertEquals(415, r.statusCode(), r.body());
        assertTrue(r.body().contains("must be UTF-8"), r.body());
    }

    @Test
    void aParseErrorSaysLineAndColumn() throws Exception {
        HttpResponse<String> r = http.get("SELECT ?s\nWHERE { ?s ?p }", "application/sparql-results+json");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("line 2, column "), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"update=CLEAR%20ALL", "query=ASK%20%7B%7D&update=CLEAR%20ALL"})
    void updatesAreRefusedWhicheverWayTheyCome(String form) throws Exception {
        HttpResponse<String> byForm = http.postForm(form, "*/*");
        assertEquals(403, byForm.statusCode());
        assertTrue(byForm.body().contains("SPARQL Update is not accepted"), byForm.body());
        HttpResponse<String> direct = http.send(java.net.http.HttpRequest.newBuilder(server.uri().resolve("sparql"))
                .header("Content-Type", "application/sparql-update").POST(java.net.http.HttpRequest.BodyPublishers.ofString("CLEAR ALL")));
        assertEquals(403, direct.statusCode());
        HttpResponse<String> get = http.getPath("sparql?update=" + SparqlHttp.enc("DROP ALL"), "*/*");
        assertEquals(403, get.statusCode());
        assertEquals(12, column(http.get(PREFIXES + "SELECT ?doc WHERE { ?doc a arch:Document }", "application/sparql-results+json"), "doc").size(),
                "nothing was cleared");
    }

    /** Sequence numbers and datestamps live in TDB2's real default graph: no query may reach them. */
    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT * { ?s ?p ?o FILTER(STRSTARTS(STR(?p), 'urn:dhakira:system')) }",
            "SELECT * { GRAPH ?g { ?s ?p ?o FILTER(STRSTARTS(STR(?p), 'urn:dhakira:system')) } }",
            "SELECT * { BIND(IRI(CONCAT('urn:x-arq:', 'DefaultGraph')) AS ?g) GRAPH ?g { ?s ?p ?o } }",
            "SELECT * { VALUES ?g { <urn:x-arq:Default> } BIND(IRI(CONCAT('urn:x-', 'arq:DefaultGraph')) AS ?h) GRAPH ?h { ?s ?p ?o } }",
            "SELECT * { BIND(IRI(CONCAT('urn:x-arq:', 'DefaultGraph')) AS ?g) GRAPH ?g { ?s <urn:dhakira:system#sequence>+ ?o } }",
            "SELECT * { BIND(IRI(CONCAT('urn:x-arq:', 'DefaultGraph')) AS ?g) GRAPH ?g { ?s (<urn:dhakira:system#sequence>|!<urn:x>)* ?o } }",
            "SELECT * { ?s (<urn:dhakira:system#sequence>|!<urn:x>)+ ?o FILTER(STRSTARTS(STR(?s), 'urn:dhakira')) }",
            "SELECT * { ?s <urn:dhakira:system#sequence> ?o }",
            "SELECT * { BIND(IRI(CONCAT('urn:x-arq:', 'DefaultGraph')) AS ?g) { SELECT * { GRAPH ?g { ?s ?p ?o } } } }",
            "SELECT * { VALUES ?g { <urn:x-arq:DefaultGraph> } GRAPH ?g { ?s ?p ?o } }",
            "SELECT * { VALUES ?g { <urn:x-arq:DefaultGraph> } OPTIONAL { GRAPH ?g { ?s ?p ?o . ?s ?q ?r } } }",
            "SELECT * { BIND(IRI(CONCAT('urn:x-arq:', 'DefaultGraph')) AS ?g) OPTIONAL { GRAPH ?g { ?s <urn:dhakira:system#sequence> ?o } } }",
            "SELECT * { { SELECT (IRI(CONCAT('urn:x-arq:', 'DefaultGraph')) AS ?g) {} } GRAPH ?g { ?s ?p ?o . ?s ?q ?r } }",
            "SELECT * { VALUES ?g { <urn:x-arq:DefaultGraph> } FILTER EXISTS { GRAPH ?g { ?s ?p ?o } } BIND(?g AS ?s) }",
            "SELECT * { BIND(IRI(CONCAT('urn:x-arq:','DefaultGraph')) AS ?g) OPTIONAL { GRAPH ?g { ?s ?p ?o FILTER(isIRI(?s)) } } }",
            "SELECT * { VALUES ?g { <urn:x-arq:DefaultGraph> } OPTIONAL { GRAPH ?g { ?s ?p ?o FILTER(?p != <urn:x>) } } }"})
    void theStoresBookkeepingIsOutOfSight(String query) throws Exception {
        HttpResponse<String> r = http.get(query, "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        assertFalse(r.body().contains("urn:dhakira:system") && table(r).hasNext(), query + " revealed: " + r.body());
        assertEquals(List.of(), column(r, "s"), query);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DESCRIBE <urn:dhakira:system>", "DESCRIBE ?s { ?s ?p ?o }", "DESCRIBE ?s { ?s <urn:dhakira:system#sequence> ?o }"})
    void describeShowsOnlyTheRecords(String query) throws Exception {
        HttpResponse<String> r = http.get(query, "application/n-triples");
        assertEquals(200, r.statusCode(), r.body());
        assertFalse(r.body().contains("urn:dhakira:system"), query + " revealed: " + r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT * FROM <urn:x-arq:DefaultGraph> { ?s ?p ?o }",
            "SELECT * FROM NAMED <urn:x-arq:DefaultGraph> { GRAPH ?g { ?s ?p ?o } }",
            "SELECT * { GRAPH <urn:x-arq:DefaultGraph> { ?s ?p ?o } }"})
    void jenasInternalGraphNamesAreRefused(String query) throws Exception {
        HttpResponse<String> r = http.get(query, "application/sparql-results+json");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("internal graph names"), r.body());
        HttpResponse<String> byProtocol = http.getPath("sparql?query=" + SparqlHttp.enc("SELECT * { ?s ?p ?o }")
                + "&default-graph-uri=" + SparqlHttp.enc("urn:x-arq:DefaultGraph"), "*/*");
        assertEquals(400, byProtocol.statusCode());
    }

    @Test
    void eachRecordIsANamedGraphAndTombstonesAreSeen() throws Exception {
        String doc = TestArchives.BASE + "id/" + SAYDNAYA;
        HttpResponse<String> r = http.get("SELECT ?g { GRAPH ?g { <" + doc + "> ?p ?o } } GROUP BY ?g", "application/sparql-results+json");
        assertEquals(List.of(doc), column(r, "g"));
        HttpResponse<String> t = http.get(PREFIXES + "ASK { <" + TestArchives.BASE + "id/document/withdrawn> a arch:Tombstone }", "application/sparql-results+json");
        assertTrue(t.body().contains("true"), t.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT (<java:org.apache.jena.sparql.function.library.sqrt>(16) AS ?x) {}",
            "SELECT * { ?s ?p ?o FILTER(<java:org.apache.jena.sparql.function.library.sqrt>(4) > 1) }",
            "SELECT * { ?x <java:org.apache.jena.sparql.pfunction.library.splitIRI> (?ns ?local) }"})
    void javaClassesAreNotCallable(String query) throws Exception {
        HttpResponse<String> r = http.get(query, "application/sparql-results+json");
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains("names a Java class"), r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT * { SERVICE <http://elsewhere.example/sparql> { ?s ?p ?o } }",
            "SELECT * { SERVICE SILENT <http://elsewhere.example/sparql> { ?s ?p ?o } }",
            "SELECT * { ?s ?p ?o FILTER EXISTS { SERVICE <http://elsewhere.example/sparql> { ?s ?p ?o } } }",
            "SELECT * { BIND(<http://elsewhere.example/sparql> AS ?e) SERVICE ?e { ?s ?p ?o } }"})
    void serviceCallsToEndpointsNotOnTheAllowListAreRefused(String query) throws Exception {
        HttpResponse<String> r = http.get(query, "application/sparql-results+json");
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains("SERVICE"), r.body());
    }

    @Test
    void theServiceDescriptionAnswersRdfRequestsWithoutAQuery() throws Exception {
        HttpResponse<String> r = http.getPath("sparql", "text/turtle");
        assertEquals(200, r.statusCode());
        Graph g = RDFParser.fromString(r.body(), Lang.TURTLE).toGraph();
        Node endpoint = NodeFactory.createURI(server.uri() + "sparql");
        assertTrue(g.contains(Node.ANY, NodeFactory.createURI(ServiceDescription.SD + "endpoint"), endpoint), r.body());
        assertTrue(g.contains(Node.ANY, NodeFactory.createURI(ServiceDescription.SD + "endpoint"), NodeFactory.createURI(TestArchives.BASE + "sparql")));
        assertTrue(g.contains(Node.ANY, NodeFactory.createURI(ServiceDescription.SD + "supportedLanguage"),
                NodeFactory.createURI(ServiceDescription.SD + "SPARQL11Query")));
        assertTrue(g.contains(NodeFactory.createURI(TestArchives.BASE), NodeFactory.createURI(ServiceDescription.VOID + "sparqlEndpoint"),
                NodeFactory.createURI(TestArchives.BASE + "sparql")));
        HttpResponse<String> nt = http.getPath("sparql", "application/n-triples");
        assertTrue(nt.headers().firstValue("Content-Type").orElseThrow().startsWith("application/n-triples"));
    }

    @Test
    void voidNamesTheEndpoint() throws Exception {
        HttpResponse<String> r = http.getPath(".well-known/void", "text/turtle");
        assertEquals(200, r.statusCode());
        Graph g = RDFParser.fromString(r.body(), Lang.TURTLE).toGraph();
        assertTrue(g.contains(NodeFactory.createURI(TestArchives.BASE), NodeFactory.createURI(ServiceDescription.VOID + "sparqlEndpoint"),
                NodeFactory.createURI(TestArchives.BASE + "sparql")), r.body());
    }

    @Test
    void browsersGetTheQueryPageWithTheGallery() throws Exception {
        HttpResponse<String> r = http.getPath("sparql", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("/static/yasgui/yasgui.min.js"), r.body());
        for (Gallery.Example e : Gallery.load(DataFiles.builtIn())) assertTrue(r.body().contains("data-example=\"" + e.name() + "\""), e.name());
        HttpResponse<String> js = http.getPath("static/yasgui/yasgui.min.js", "*/*");
        assertEquals(200, js.statusCode());
        HttpResponse<String> traversal = http.getPath("static/yasgui/..%2F..%2Fdhakira.properties", "*/*");
        assertTrue(traversal.statusCode() == 400 || traversal.statusCode() == 404, "status " + traversal.statusCode());
        assertFalse(traversal.body().contains("sparql.rowCap"));
        assertEquals(404, http.getPath("static/yasgui/..yasgui.min.js", "*/*").statusCode());
        assertEquals(404, http.getPath("static/templates/sparql.mustache", "*/*").statusCode());
    }

    /** Every example of the gallery runs, and finds something in the demo archive. */
    @Test
    void everyGalleryExampleRunsAndFindsSomething() throws Exception {
        List<Gallery.Example> examples = Gallery.load(DataFiles.builtIn());
        assertTrue(examples.size() >= 6);
        for (Gallery.Example e : examples) {
            HttpResponse<String> r = http.postQuery(e.query(), "application/sparql-results+json");
            assertEquals(200, r.statusCode(), e.name() + ": " + r.body());
            assertTrue(table(r).hasNext(), e.name() + " found nothing: " + r.body());
        }
    }

    /** text:query runs the search the search page runs, so both find the same records. */
    @ParameterizedTest
    @CsvSource({"title:صيدنايا, arch:title, صيدنايا", "صيدنايا, , صيدنايا", "title:Aleppo, arch:title, Aleppo",
            "body:hangings, arch:body, hangings", "سورية, , سورية"})
    void fullTextInsideQueriesAgreesWithTheSearchPage(String search, String property, String words) throws Exception {
        HttpResponse<String> s = http.getPath("search.json?size=100&q=" + SparqlHttp.enc(search), "application/json");
        assertEquals(200, s.statusCode(), s.body());
        JsonNode hits = new ObjectMapper().readTree(s.body()).get("hits");
        Set<String> expected = new TreeSet<>();
        hits.forEach(h -> expected.add(h.get("uri").asText()));
        assertFalse(expected.isEmpty(), "the demo archive has matches for " + search);
        String object = property == null ? "\"" + words + "\"" : "(" + property + " \"" + words + "\")";
        HttpResponse<String> q = http.get(PREFIXES + "SELECT ?doc ?score { (?doc ?score) text:query " + object + " }", "application/sparql-results+json");
        assertEquals(expected, new TreeSet<>(column(q, "doc")), search);
        HttpResponse<String> plain = http.get(PREFIXES + "SELECT ?doc { ?doc text:query " + object + " }", "application/sparql-results+json");
        assertEquals(expected, new TreeSet<>(column(plain, "doc")));
    }

    @Test
    void fullTextTakesALimitAndALanguageAndJoinsWithTheGraph() throws Exception {
        HttpResponse<String> limited = http.get(PREFIXES + "SELECT ?doc { ?doc text:query (\"صيدنايا\" 1) }", "application/sparql-results+json");
        assertEquals(1, column(limited, "doc").size());
        HttpResponse<String> english = http.get(PREFIXES + "SELECT ?doc { ?doc text:query (arch:title \"hangings\" \"lang:en\") }", "application/sparql-results+json");
        HttpResponse<String> search = http.getPath("search.json?size=100&in=en&q=" + SparqlHttp.enc("title:hangings"), "application/json");
        Set<String> expected = new TreeSet<>();
        new ObjectMapper().readTree(search.body()).get("hits").forEach(h -> expected.add(h.get("uri").asText()));
        assertFalse(expected.isEmpty());
        assertEquals(expected, new TreeSet<>(column(english, "doc")), "the language option is the search's in=");
        HttpResponse<String> arabicOnly = http.get(PREFIXES + "SELECT ?doc { ?doc text:query (arch:body \"hangings\" \"lang:ar\") }", "application/sparql-results+json");
        assertEquals(List.of(), column(arabicOnly, "doc"), "an English word is not in Arabic text");
        HttpResponse<String> joined = http.get(PREFIXES + "SELECT ?doc ?issued { ?doc text:query (arch:title \"صيدنايا\") ; arch:issued ?issued }",
                "application/sparql-results+json");
        assertFalse(column(joined, "issued").isEmpty());
        HttpResponse<String> bad = http.get(PREFIXES + "SELECT ?doc { ?doc text:query (arch:issued \"x\") }", "application/sparql-results+json");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("text:query"), bad.body());
        HttpResponse<String> broken = http.get(PREFIXES + "SELECT ?doc { ?doc text:query \"title:(\" }", "application/sparql-results+json");
        assertEquals(400, broken.statusCode(), broken.body());
    }
}
