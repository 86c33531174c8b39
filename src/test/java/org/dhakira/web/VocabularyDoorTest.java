package org.dhakira.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.dhakira.TestArchives;
import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.dhakira.vocab.Arch;
import org.dhakira.vocab.DataFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /vocab} on a real server: the RDF is the vocabulary files, the HTML names every term in both languages. */
class VocabularyDoorTest {

    @TempDir
    static Path dir;

    static Archive archive;
    static ArchiveServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        archive = Archive.open(TestArchives.config(dir));
        server = ArchiveServer.start(archive);
    }

    @AfterAll
    static void stop() {
        server.close();
        archive.close();
    }

    static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path));
        if (headers.length > 0) b.headers(headers);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Graph files(String... names) throws Exception {
        Graph g = GraphFactory.createDefaultGraph();
        for (String name : names) {
            try (InputStream in = DataFiles.builtIn().open(name)) {
                RDFParser.source(in).lang(Lang.TURTLE).base(Arch.NS).parse(g);
            }
        }
        return g;
    }

    static Graph vocabularyFiles() throws Exception {
        return files("vocab/ontology.ttl", "vocab/document-types.ttl", "vocab/reliability.ttl");
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
            "vocab.ttl, , TURTLE",
            "vocab.jsonld, , JSONLD",
            "vocab.rdf, , RDFXML",
            "vocab.nt, , NTRIPLES",
            "vocab, text/turtle, TURTLE",
            "vocab, application/ld+json, JSONLD",
            "vocab, application/rdf+xml, RDFXML",
            "vocab, application/n-triples, NTRIPLES",
            // rapper's and rdflib's headers: several types, with q-values and a low wildcard.
            "vocab, 'application/rdf+xml, text/turtle;q=0.9, */*;q=0.1', RDFXML",
            "vocab, 'text/turtle, application/rdf+xml;q=0.8, */*;q=0.1', TURTLE",
            "vocab, 'text/html;q=0.2, application/n-triples;q=0.9', NTRIPLES",
    })
    void everyFormatParsesBackToTheVocabularyFiles(String path, String accept, String lang) throws Exception {
        HttpResponse<String> r = accept == null ? get(path) : get(path, "Accept", accept);
        assertEquals(200, r.statusCode(), r.body());
        Lang l = switch (lang) {
            case "TURTLE" -> Lang.TURTLE;
            case "JSONLD" -> Lang.JSONLD;
            case "RDFXML" -> Lang.RDFXML;
            default -> Lang.NTRIPLES;
        };
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith(l.getHeaderString()), r.headers().toString());
        Graph served = RDFParser.fromString(r.body(), l).toGraph();
        assertTrue(served.isIsomorphicWith(vocabularyFiles()), "the served graph is the vocabulary files' graph");
        assertTrue(r.headers().firstValue("Content-Location").orElseThrow().endsWith("/vocab." + l.getFileExtensions().get(0).replace("owl", "rdf")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"document-type, vocab/document-types.ttl", "reliability, vocab/reliability.ttl"})
    void eachSchemeIsServedAsItsFile(String scheme, String file) throws Exception {
        HttpResponse<String> r = get("vocab/" + scheme + ".ttl");
        assertEquals(200, r.statusCode());
        assertTrue(RDFParser.fromString(r.body(), Lang.TURTLE).toGraph().isIsomorphicWith(files(file)));
        HttpResponse<String> page = get("vocab/" + scheme, "Accept", "text/html");
        assertEquals(200, page.statusCode());
        for (Node concept : files(file).find(Node.ANY, SKOS.inScheme.asNode(), Node.ANY).mapWith(Triple::getSubject).toList()) {
            String slug = concept.getURI().substring(concept.getURI().lastIndexOf('/') + 1);
            assertTrue(page.body().contains("id=\"" + slug + "\""), "the scheme page has an anchor for " + slug);
        }
    }

    @Test
    void aConceptsPathSeesOtherToItsPlaceInTheSchemesDocument() throws Exception {
        HttpResponse<String> r = get("vocab/reliability/authentic");
        assertEquals(303, r.statusCode());
        assertEquals(TestArchives.BASE + "vocab/reliability#authentic", r.headers().firstValue("Location").orElseThrow());
        assertEquals(404, get("vocab/reliability/no-such-grade").statusCode());
        assertEquals(404, get("vocab/no-such-scheme").statusCode());
    }

    @Test
    void theReferenceHasAnIdForEveryTermAndBothLanguages() throws Exception {
        HttpResponse<String> ar = get("vocab", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertEquals(200, ar.statusCode());
        assertTrue(ar.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(ar.body().contains("<html lang=\"ar\" dir=\"rtl\">"), "Arabic, right to left, by default");
        List<String> ids = ids(ar.body());
        Graph vocab = vocabularyFiles();
        List<String> missing = new ArrayList<>();
        for (Node type : List.of(OWL.Class.asNode(), OWL.ObjectProperty.asNode(), OWL.DatatypeProperty.asNode())) {
            for (Node term : vocab.find(Node.ANY, RDF.type.asNode(), type).mapWith(Triple::getSubject).toList()) {
                String local = term.getURI().substring(Arch.NS.length());
                if (!ids.contains(local)) missing.add(local);
                for (String lang : List.of("ar", "en")) {
                    String label = archive.vocabulary().label(term, lang).orElseThrow();
                    assertTrue(ar.body().contains(">" + escape(label) + "<"), "the " + lang + " label of " + local);
                    assertTrue(ar.body().contains(escape(archive.vocabulary().definition(term, lang).orElseThrow())), "the " + lang + " definition of " + local);
                }
            }
        }
        for (String grade : List.of("authentic", "not-authentic", "not-verified", "undetermined")) {
            if (!ids.contains("reliability-" + grade)) missing.add("reliability-" + grade);
        }
        assertEquals(List.of(), missing, "terms without an anchor");
        assertEquals(ids.size(), ids.stream().distinct().count(), "ids are unique");
        assertTrue(ar.body().contains("href=\"#Document\""), "super- and range terms of ours link within the page");

        HttpResponse<String> en = get("vocab", "Accept", "text/html", "Accept-Language", "en-GB,en;q=0.9,ar;q=0.5");
        assertTrue(en.body().contains("<html lang=\"en\" dir=\"ltr\">"), "English from Accept-Language");
        assertTrue(get("vocab?lang=en", "Accept", "text/html").body().contains("<html lang=\"en\" dir=\"ltr\">"), "English from lang=en");
        assertTrue(get("vocab.html?lang=en").body().contains("<html lang=\"en\" dir=\"ltr\">"));
    }

    private static List<String> ids(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        while (m.find()) ids.add(m.group(1));
        return ids;
    }

    /** What Mustache makes of text: the five characters HTML needs escaped. */
    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    @Test
    void everyAnswerCarriesTheHeadersCrawlersAndCachesNeed() throws Exception {
        HttpResponse<String> r = get("vocab", "Accept", "text/turtle");
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertTrue(r.headers().firstValue("Vary").orElseThrow().contains("Accept"));
        List<String> links = r.headers().allValues("Link");
        for (String ext : List.of("html", "ttl", "jsonld", "rdf", "nt")) {
            assertTrue(links.stream().anyMatch(l -> l.contains("/vocab." + ext + ">") && l.contains("rel=\"alternate\"")), links.toString());
        }
        String etag = r.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = get("vocab", "Accept", "text/turtle", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals(etag, again.headers().firstValue("ETag").orElseThrow());
        assertEquals("", again.body());
        assertEquals(200, get("vocab", "Accept", "text/turtle", "If-None-Match", "\"something-else\"").statusCode());
        HttpResponse<String> json = get("vocab", "Accept", "application/ld+json");
        assertTrue(!etag.equals(json.headers().firstValue("ETag").orElseThrow()), "each representation has its own tag");
    }

    @Test
    void anAcceptThatTakesNoneOfTheFormatsIs406ListingThem() throws Exception {
        HttpResponse<String> r = get("vocab", "Accept", "image/png");
        assertEquals(406, r.statusCode());
        for (String type : List.of("text/html", "text/turtle", "application/ld+json", "application/rdf+xml", "application/n-triples")) {
            assertTrue(r.body().contains(type), r.body());
        }
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
    }
}
