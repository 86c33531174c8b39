package org.dhakira.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.vocabulary.RDFS;
import org.dhakira.TestArchives;
import org.dhakira.describe.Descriptions;
import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.dhakira.server.Config;
import org.dhakira.store.RecordId;
import org.dhakira.vocab.Arch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The linked-data door as crawlers, scripts and people use it: a real archive on a real Jetty whose base URI is
 * its own address, so the 303 chain can be followed by real clients (rdflib, rapper).
 */
class LinkedDataDoorTest {

    @TempDir
    static Path dir;

    static Archive archive;
    static ArchiveServer server;
    static String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static final String SEED = "document/coalition-amnesty-saydnaya-2017-02-07";
    static final String CROWDED = "organisation/crowded";

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        base = "http://localhost:" + port + "/";
        archive = Archive.open(new Config("127.0.0.1", port, dir, Optional.of(base), Optional.empty()));
        archive.loadDemoIfEmpty();
        TestArchives.load(archive.store(), TestArchives.document("withdrawn", "") + "\n");
        TestArchives.load(archive.store(), "{\"id\":\"document/withdrawn\",\"kind\":\"document\",\"deleted\":true}\n");
        // An organisation named by more documents than a description carries.
        String many = IntStream.range(0, Descriptions.SHOWN + 5)
                .mapToObj(i -> TestArchives.document("naming-" + i, "\"relatedOrganisations\":[\"" + CROWDED + "\"]"))
                .collect(Collectors.joining("\n"));
        TestArchives.load(archive.store(), TestArchives.organisation("crowded", "Crowded", "مزدحمة") + "\n" + many + "\n");
        server = ArchiveServer.start(archive);
    }

    @AfterAll
    static void stop() {
        server.close();
        archive.close();
    }

    static HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (headers.length > 0) b.headers(headers);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Graph parse(HttpResponse<String> r, Lang lang) {
        return RDFParser.fromString(r.body(), lang).base(base).toGraph();
    }

    static Node thing(String path) {
        return NodeFactory.createURI(base + "id/" + path);
    }

    @Test
    void aThingsUriSeesOtherToItsDescriptionWithoutChoosingAFormat() throws Exception {
        HttpResponse<String> r = get("id/" + SEED, "Accept", "application/rdf+xml");
        assertEquals(303, r.statusCode());
        assertEquals(base + "doc/" + SEED, r.headers().firstValue("Location").orElseThrow(),
                "no format in the target: the client's Accept chooses there");
        assertEquals(base + "doc/" + SEED + "?lang=en", get("id/" + SEED + "?lang=en").headers().firstValue("Location").orElseThrow(),
                "a page's language choice is kept");
        assertEquals(404, get("id/document/never-was").statusCode());
        assertEquals(303, get("id/document/withdrawn").statusCode(), "a tombstone's URI leads to its 410");
    }

    /** Accept headers as real clients send them, and what each gets. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8 | text/html",   // Chrome, Firefox
            "*/*                                                            | text/turtle",          // curl, wget
            "''                                                             | text/turtle",          // no header
            "text/turtle                                                    | text/turtle",
            "application/x-turtle                                           | text/turtle",
            "text/n3                                                        | text/turtle",
            "application/rdf+xml, */*;q=0.1                                 | application/rdf+xml",  // rdflib, format=xml
            "text/turtle,application/x-turtle, */*;q=0.1                    | text/turtle",          // rdflib, format=turtle
            "text/plain, */*;q=0.1                                          | application/n-triples", // rdflib, format=nt
            "application/ld+json, application/json;q=0.9, */*;q=0.1         | application/ld+json",  // rdflib, format=json-ld
            "application/json                                               | application/ld+json",
            "application/n-triples                                          | application/n-triples",
            "application/rdf+xml;q=0.5, text/turtle;q=0.9                   | text/turtle",
            "text/html;q=0, */*                                             | text/turtle",
            "text/*                                                         | text/turtle",
            "text/html, */*                                                 | text/html",            // the named type beats the wildcard
            "application/xml                                                | application/rdf+xml",
            "nonsense, text/turtle;q=oops, application/ld+json;q=0.4        | application/ld+json",  // unreadable ranges ignored
            ";, application/rdf+xml                                         | application/rdf+xml",
            "text/turtle;q=0, */*                                           | text/html",            // a refusal is not undone by an alias
            "application/x-turtle;q=0, text/turtle, application/ld+json;q=0.5 | text/turtle",      // its own type named wins over an alias refused
            "application/x-turtle;q=0, application/ld+json;q=0.5, */*        | text/html",           // Turtle refused by its alias; */* takes the rest
            "application/*                                                  | application/ld+json",  // not Turtle through application/x-turtle
            "application/ld+json, application/json;q=0                      | application/ld+json",  // its own type named and taken
            "application/n-triples, text/plain;q=0                          | application/n-triples",
    })
    void negotiatesWhatRealClientsAsk(String accept, String expected) throws Exception {
        HttpResponse<String> r = accept.isEmpty() ? get("doc/" + SEED) : get("doc/" + SEED, "Accept", accept);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith(expected + ";charset=utf-8"),
                r.headers().firstValue("Content-Type").orElseThrow());
        String ending = Representation.preferred(AcceptHeader.parse(accept)).orElseThrow().ending();
        assertEquals(base + "doc/" + SEED + "." + ending, r.headers().firstValue("Content-Location").orElseThrow());
        assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")));
    }

    /** Headers as broken clients send them: each door answers them, none with a 500. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "Accept        | ;", "Accept | ;;", "Accept | */*;q=", "Accept | text/html;q=2",
            "If-None-Match | garbage", "If-None-Match | W/\"abc", "If-None-Match | \"a\" \"b\"", "If-Match | garbage",
            "If-Modified-Since | yesterday",
    })
    void sloppyHeadersNeverBreakADoor(String header, String value) throws Exception {
        for (String path : List.of("", "doc/" + SEED, "id/" + SEED, "vocab", ".well-known/void", "sitemap.xml", "robots.txt",
                "search?q=x", "oai?verb=Identify", "dumps/", "browse", "sparql?query=ASK%7B%7D")) {
            int status = get(path, header, value).statusCode();
            assertTrue(status < 500, path + " answered " + status + " to " + header + ": " + value);
        }
    }

    @Test
    void anEntityTagListWithEmptyElementsStillMatches() throws Exception {
        String etag = get("doc/" + SEED, "Accept", "text/turtle").headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get("doc/" + SEED, "Accept", "text/turtle", "If-None-Match", etag + ",").statusCode());
        assertEquals(304, get("doc/" + SEED, "Accept", "text/turtle", "If-None-Match", ", W/\"other\", , " + etag).statusCode());
    }

    @Test
    void protocolEndpointsAnswerWithATrailingSlashAndTheDumpsFolderWantsOne() throws Exception {
        assertEquals(200, get("oai/?verb=Identify").statusCode(), "harvesters configured with oai/ must not meet a 301");
        HttpResponse<String> dumps = get("dumps");
        assertEquals(301, dumps.statusCode());
        assertEquals(base + "dumps/", dumps.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void aMalformedConditionIsIgnoredNotFailed() throws Exception {
        HttpResponse<String> r = get("doc/" + SEED, "If-None-Match", "garbage");
        assertEquals(200, r.statusCode());
        assertFalse(r.body().isEmpty());
    }

    @Test
    void anAcceptThatTakesNothingOfferedIs406ListingTheFormats() throws Exception {
        HttpResponse<String> r = get("doc/" + SEED, "Accept", "image/png, text/html;q=0");
        assertEquals(406, r.statusCode());
        for (Representation f : Representation.values()) assertTrue(r.body().contains(f.mediaType()), r.body());
        assertEquals(5, alternates(r).size(), "the alternates are still linked");
    }

    @ParameterizedTest
    @EnumSource(value = Representation.class, names = "HTML", mode = EnumSource.Mode.EXCLUDE)
    void everyRdfFormatParsesBackToTheSameGraph(Representation f) throws Exception {
        Graph turtle = parse(get("doc/" + SEED + ".ttl"), Lang.TURTLE);
        HttpResponse<String> bySuffix = get("doc/" + SEED + "." + f.ending(), "Accept", "text/html");
        assertEquals(200, bySuffix.statusCode());
        assertTrue(bySuffix.headers().firstValue("Content-Type").orElseThrow().startsWith(f.mediaType()), "the ending wins over Accept");
        assertTrue(IsoMatcher.isomorphic(turtle, parse(bySuffix, f.lang().orElseThrow())), f + " by its ending");
        assertTrue(IsoMatcher.isomorphic(turtle, parse(get("doc/" + SEED, "Accept", f.mediaType()), f.lang().orElseThrow())), f + " by Accept");
    }

    @Test
    void theDescriptionHoldsTheWholeRecordAndNamesWhatItLinksTo() throws Exception {
        Graph g = parse(get("doc/" + SEED), Lang.TURTLE);
        Graph own = archive.store().find(RecordId.parse(SEED)).orElseThrow().graph();
        own.find().forEach(t -> assertTrue(g.contains(t), "the record's own statement " + t));
        Node issuer = thing("organisation/syrian-coalition");
        assertTrue(g.contains(thing(SEED), Arch.issuer, issuer));
        assertEquals(2, g.find(issuer, RDFS.label.asNode(), Node.ANY).toList().size(), "the issuer's name in Arabic and English");
        assertTrue(g.contains(issuer, org.apache.jena.vocabulary.RDF.type.asNode(), Arch.Organisation));
        assertTrue(g.find(NodeFactory.createURI(Arch.RELIABILITY_NS + "not-verified"), RDFS.label.asNode(), Node.ANY).toList().stream()
                .anyMatch(t -> t.getObject().getLiteralLexicalForm().equals("لم يتم التأكد من صحتها")), "the grade's Arabic label");
        assertTrue(get("doc/" + SEED).body().contains("«المسلخ البشري» على طاولة مجلس الأمن والمجتمع الدولي"), "Arabic intact on the wire");
    }

    @Test
    void hostileTextSurvivesEveryFormatAsText() throws Exception {
        String hostile = "\\\"\\\"\\\" </script><script>alert(1)</script> ]]> & <b>\\n\u202Eمعكوس\u202C";
        TestArchives.load(archive.store(), TestArchives.document("hostile", "\"summary\":{\"en\":\"" + hostile + "\"}") + "\n");
        Node expected = NodeFactory.createLiteralLang("\"\"\" </script><script>alert(1)</script> ]]> & <b>\n\u202Eمعكوس\u202C", "en");
        for (Representation f : Representation.values()) {
            if (f == Representation.HTML) continue;
            Graph g = parse(get("doc/document/hostile." + f.ending()), f.lang().orElseThrow());
            assertTrue(g.contains(thing("document/hostile"), Arch.summary, expected), f + " carries the text unchanged");
        }
    }

    @Test
    void anOrganisationsDescriptionListsTheDocumentsNamingIt() throws Exception {
        Graph g = parse(get("doc/organisation/amnesty-international"), Lang.TURTLE);
        Node amnesty = thing("organisation/amnesty-international");
        assertTrue(g.contains(thing(SEED), Arch.relatedOrganisation, amnesty), "the inverse link");
        assertTrue(g.contains(thing("document/amnesty-human-slaughterhouse-2017-02-07"), Arch.issuer, amnesty));
        assertFalse(g.find(thing(SEED), RDFS.label.asNode(), Node.ANY).toList().isEmpty(), "with the document's title");
        assertFalse(g.contains(amnesty, RDFS.seeAlso.asNode(), Node.ANY), "a short list is whole");
    }

    @Test
    void aLongListOfReferrersIsBoundedWithALinkToTheRest() throws Exception {
        Graph g = parse(get("doc/" + CROWDED), Lang.TURTLE);
        long shown = g.find(Node.ANY, Arch.relatedOrganisation, thing(CROWDED)).toList().size();
        assertEquals(Descriptions.SHOWN, shown);
        List<org.apache.jena.graph.Triple> more = g.find(thing(CROWDED), RDFS.seeAlso.asNode(), Node.ANY).toList();
        assertEquals(1, more.size());
        String all = more.get(0).getObject().getURI();
        assertEquals(base + "search?organisation=crowded&sort=newest", all);
        HttpResponse<String> list = get(all.substring(base.length()) + "&size=1", "Accept", "application/json");
        assertTrue(list.body().contains("\"total\":" + (Descriptions.SHOWN + 5)), "the full list has every one: " + list.body());
    }

    @Test
    void everyDescriptionLinksItsAlternatesTheThingAndTheLicense() throws Exception {
        HttpResponse<String> r = get("doc/" + SEED);
        List<String> alternates = alternates(r);
        for (Representation f : Representation.values()) {
            assertTrue(alternates.contains("<" + base + "doc/" + SEED + "." + f.ending() + ">; rel=\"alternate\"; type=\"" + f.mediaType() + "\""), f.name());
        }
        String link = r.headers().firstValue("Link").orElseThrow();
        assertTrue(link.contains("<" + base + "id/" + SEED + ">; rel=\"describes\""));
        assertTrue(link.contains("<" + Config.Oai.DEFAULTS.license() + ">; rel=\"license\""));
        assertTrue(r.headers().firstValue("Last-Modified").isPresent());
        assertTrue(r.headers().firstValue("ETag").orElseThrow().startsWith("W/\""));
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElseThrow(), "any origin may read");
        assertTrue(r.headers().firstValue("Access-Control-Expose-Headers").orElseThrow().contains("Link"));
    }

    static List<String> alternates(HttpResponse<String> r) {
        return List.of(r.headers().firstValue("Link").orElseThrow().split(",\\s*(?=<)")).stream()
                .filter(l -> l.contains("rel=\"alternate\"")).toList();
    }

    @Test
    void conditionalRequestsAnswer304UntilTheDescriptionChanges() throws Exception {
        Thread.sleep(1100); // a date says "unchanged" only once the second of the last change is over
        HttpResponse<String> first = get("doc/" + SEED, "Accept", "text/turtle");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String modified = first.headers().firstValue("Last-Modified").orElseThrow();
        HttpResponse<String> same = get("doc/" + SEED, "Accept", "text/turtle", "If-None-Match", etag);
        assertEquals(304, same.statusCode());
        assertEquals("", same.body());
        assertEquals(etag, same.headers().firstValue("ETag").orElseThrow());
        assertEquals(304, get("doc/" + SEED, "Accept", "text/turtle", "If-Modified-Since", modified).statusCode());
        assertEquals(200, get("doc/" + SEED, "Accept", "text/turtle", "If-None-Match", "W/\"something-else\"").statusCode());
        assertEquals(200, get("doc/" + SEED, "Accept", "text/turtle", "If-Modified-Since", "Sat, 01 Jan 2000 00:00:00 GMT").statusCode());
        assertNotEquals(etag, get("doc/" + SEED + ".nt").headers().firstValue("ETag").orElseThrow(), "each format its own validator");
    }

    @Test
    void renamingALinkedThingChangesTheDescriptionsThatNameIt() throws Exception {
        String path = "document/names-renamed";
        TestArchives.load(archive.store(), TestArchives.organisation("renamed", "Old name", "الاسم القديم") + "\n"
                + TestArchives.document("names-renamed", "\"issuer\":\"organisation/renamed\"") + "\n");
        HttpResponse<String> before = get("doc/" + path);
        String etag = before.headers().firstValue("ETag").orElseThrow();
        Thread.sleep(1100); // datestamps are in seconds
        TestArchives.load(archive.store(), TestArchives.organisation("renamed", "New name", "الاسم الجديد") + "\n");
        HttpResponse<String> after = get("doc/" + path, "If-None-Match", etag,
                "If-Modified-Since", before.headers().firstValue("Last-Modified").orElseThrow());
        assertEquals(200, after.statusCode(), "the issuer's new name is news for the document's description");
        assertTrue(after.body().contains("الاسم الجديد"));
    }

    @Test
    void headSendsTheHeadersOfGetWithoutTheBody() throws Exception {
        HttpResponse<String> get = get("doc/" + SEED + ".ttl");
        HttpResponse<String> head = HTTP.send(HttpRequest.newBuilder(URI.create(base + "doc/" + SEED + ".ttl"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length),
                head.headers().firstValue("Content-Length").orElseThrow());
        for (String h : List.of("ETag", "Last-Modified", "Content-Type", "Link", "Content-Location")) {
            assertEquals(get.headers().firstValue(h), head.headers().firstValue(h), h);
        }
        HttpResponse<String> compressible = HTTP.send(HttpRequest.newBuilder(URI.create(base + "doc/" + SEED + ".ttl"))
                .header("Accept-Encoding", "gzip").method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(head.headers().firstValue("Content-Length"), compressible.headers().firstValue("Content-Length"),
                "never a length of 0 for a body that is there");
        HttpResponse<String> missing = HTTP.send(HttpRequest.newBuilder(URI.create(base + "doc/document/never-was"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
        assertNotEquals("0", missing.headers().firstValue("Content-Length").orElse("0"), "the 404's length too");
    }

    @Test
    void aDeletedThingIs410WithItsTombstone() throws Exception {
        HttpResponse<String> r = get("doc/document/withdrawn", "Accept", "application/n-triples");
        assertEquals(410, r.statusCode());
        assertTrue(parse(r, Lang.NTRIPLES).contains(thing("document/withdrawn"), org.apache.jena.vocabulary.RDF.type.asNode(), Arch.Tombstone));
    }

    @Test
    void unknownThingsAre404WithAPageForPeopleAndALineForMachines() throws Exception {
        HttpResponse<String> machine = get("doc/document/never-was", "Accept", "text/turtle");
        assertEquals(404, machine.statusCode());
        assertTrue(machine.body().contains("no document with the key 'never-was'"), machine.body());
        HttpResponse<String> person = get("doc/document/never-was", "Accept", "text/html");
        assertEquals(404, person.statusCode());
        assertTrue(person.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertEquals(404, get("doc/spaceship/x").statusCode());
        assertTrue(get("doc/spaceship/x").body().contains("not a kind of thing"));
        assertEquals(404, get("doc/document/never-was.ttl").statusCode());
        for (String bare : List.of("doc/document", "id/organisation")) {
            HttpResponse<String> r = get(bare);
            assertEquals(404, r.statusCode(), bare);
            assertTrue(r.body().contains("id/{kind}/{key}"), bare + ": " + r.body());
        }
    }

    @Test
    void aPathWithATrailingSlashIsSentToThePageWithout() throws Exception {
        for (String path : List.of("doc/" + SEED + "/", "vocab/", "sitemap.xml/", "doc/document/")) {
            HttpResponse<String> r = get(path + "?lang=en");
            assertEquals(301, r.statusCode(), path);
            String location = r.headers().firstValue("Location").orElseThrow();
            assertTrue(location.endsWith("/" + path.substring(0, path.length() - 1) + "?lang=en"), location);
        }
        assertEquals(200, get("").statusCode(), "the root keeps its slash");
        assertTrue(get("dumps/").statusCode() != 301, "the dumps' folder keeps its slash");
    }

    @Test
    void aScriptOnAnotherOriginMayAskConditionally() throws Exception {
        HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(URI.create(base + "doc/" + SEED))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "if-none-match").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, preflight.statusCode());
        assertEquals("*", preflight.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().contains("If-None-Match"));
    }

    @Test
    void rdflibFollowsTheChainInEveryFormat() throws Exception {
        String script = """
                import sys, rdflib
                for fmt in [None, "turtle", "xml", "nt", "json-ld"]:
                    g = rdflib.Graph()
                    g.parse(sys.argv[1], format=fmt)
                    print(fmt, len(g))
                """;
        Path py = Files.writeString(dir.resolve("follow.py"), script);
        String out = run("python3-rdflib", "/usr/bin/python3", py.toString(), base + "id/" + SEED);
        int expected = parse(get("doc/" + SEED), Lang.TURTLE).size();
        for (String line : out.strip().split("\n")) assertEquals(String.valueOf(expected), line.split(" ")[1], line);
        assertEquals(5, out.strip().split("\n").length);
    }

    @Test
    void rapperFollowsTheChain() throws Exception {
        String out = run("raptor2-utils", "rapper", "--quiet", "--guess", "--output", "ntriples", base + "id/" + SEED);
        Graph g = RDFParser.fromString(out, Lang.NTRIPLES).toGraph();
        assertTrue(IsoMatcher.isomorphic(parse(get("doc/" + SEED), Lang.TURTLE), g));
    }

    static String run(String debianPackage, String... command) throws Exception {
        return org.dhakira.Clients.run(dir, debianPackage, command);
    }
}
