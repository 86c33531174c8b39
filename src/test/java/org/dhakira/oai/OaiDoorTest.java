package org.dhakira.oai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import org.dhakira.TestArchives;
import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.dhakira.server.Config;
import org.dhakira.store.RecordId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The OAI-PMH door as harvesters meet it: a real Jetty on a free port, real HTTP, every response validated
 * against the official schemas. The demo archive, plus a withdrawn press statement (a tombstone), with seven
 * records a page so that lists take several.
 */
class OaiDoorTest {

    static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String REPO = "archive.test";
    static final String SEED = "document/coalition-amnesty-saydnaya-2017-02-07";
    static final int PAGE = 7;

    @TempDir
    static Path dir;

    static Archive archive;
    static ArchiveServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Config plain = TestArchives.config(dir);
        Config config = new Config(plain.host(), plain.port(), plain.data(), plain.base(), plain.home(),
                new Config.Oai("ذاكرة — Dhakira test", Optional.of(REPO), Optional.of("archivist@archive.test"), PAGE,
                        Config.Oai.DEFAULTS.license()));
        archive = Archive.open(config);
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

    static String oai(String query) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.uri() + "oai?" + query)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), "OAI-PMH answers errors inside a 200 response: " + query);
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/xml"), query);
        String xml = OaiSchemas.utf8(r.body());
        OaiSchemas.assertValid(xml);
        return xml;
    }

    /** Java's HTTP client refuses a broken percent-escape; a socket sends it as a careless client would. */
    @Test
    void aQueryStringThatIsNotPartOfAUriIsRefusedByHttp() throws IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", server.port())) {
            socket.getOutputStream().write("GET /oai?verb=Identify&x=%zz HTTP/1.0\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            String response = OaiSchemas.utf8(socket.getInputStream().readAllBytes());
            assertTrue(response.startsWith("HTTP/1.1 400"), response);
            assertFalse(response.contains("Exception") || response.contains("at org."), "no stack trace");
        }
    }

    static Document doc(String query) throws IOException, InterruptedException {
        return OaiSchemas.parse(oai(query));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static List<String> texts(Document d, String ns, String name) {
        List<String> out = new ArrayList<>();
        NodeList nodes = d.getElementsByTagNameNS(ns, name);
        for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent());
        return out;
    }

    static Optional<String> error(Document d) {
        NodeList e = d.getElementsByTagNameNS(OAI, "error");
        return e.getLength() == 0 ? Optional.empty() : Optional.of(((Element) e.item(0)).getAttribute("code"));
    }

    /** All identifiers of a list, following its tokens; checks cursor and completeListSize on the way. */
    static List<String> harvest(String verb, String arguments) throws Exception {
        List<String> ids = new ArrayList<>();
        String query = "verb=" + verb + "&" + arguments;
        long expectedCursor = 0;
        for (int pages = 0; pages < 1000; pages++) {
            Document d = doc(query);
            assertEquals(Optional.empty(), error(d), query);
            NodeList headers = d.getElementsByTagNameNS(OAI, "header");
            for (int i = 0; i < headers.getLength(); i++) {
                ids.add(((Element) headers.item(i)).getElementsByTagNameNS(OAI, "identifier").item(0).getTextContent());
            }
            NodeList tokens = d.getElementsByTagNameNS(OAI, "resumptionToken");
            if (tokens.getLength() == 0) {
                assertEquals(0, pages, "only a list that fits one page has no token element");
                return ids;
            }
            Element token = (Element) tokens.item(0);
            assertEquals(expectedCursor, Long.parseLong(token.getAttribute("cursor")), "cursor counts the records sent before");
            assertTrue(Long.parseLong(token.getAttribute("completeListSize")) >= ids.size());
            expectedCursor += headers.getLength();
            if (token.getTextContent().isEmpty()) return ids;
            assertTrue(token.getTextContent().matches("[A-Za-z0-9_-]+"), "tokens are URL-safe as they are");
            query = "verb=" + verb + "&resumptionToken=" + token.getTextContent();
        }
        throw new AssertionError("the list never ended");
    }

    static Set<String> allIdentifiers() {
        Set<String> ids = new HashSet<>();
        archive.store().read(dsg -> {
            dsg.listGraphNodes().forEachRemaining(g -> RecordId.fromIri(TestArchives.BASE, g.getURI())
                    .ifPresent(id -> ids.add("oai:" + REPO + ":" + id.path())));
            return null;
        });
        return ids;
    }

    // Identify

    @Test
    void identifySaysWhatTheProtocolAsks() throws Exception {
        Document d = doc("verb=Identify");
        assertEquals(List.of("ذاكرة — Dhakira test"), texts(d, OAI, "repositoryName"), "Arabic intact");
        assertEquals(List.of(TestArchives.BASE + "oai"), texts(d, OAI, "baseURL"));
        assertEquals(List.of("2.0"), texts(d, OAI, "protocolVersion"));
        assertEquals(List.of("persistent"), texts(d, OAI, "deletedRecord"));
        assertEquals(List.of("YYYY-MM-DDThh:mm:ssZ"), texts(d, OAI, "granularity"));
        assertEquals(List.of("gzip", "deflate"), texts(d, OAI, "compression"));
        assertEquals(List.of(REPO), texts(d, "http://www.openarchives.org/OAI/2.0/oai-identifier", "repositoryIdentifier"));
        String responseDate = texts(d, OAI, "responseDate").get(0);
        assertTrue(responseDate.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), "UTC with Z: " + responseDate);

        Instant earliest = Instant.parse(texts(d, OAI, "earliestDatestamp").get(0));
        List<Instant> all = new ArrayList<>();
        for (String id : harvest("ListIdentifiers", "metadataPrefix=oai_dc")) {
            all.add(Instant.parse(texts(doc("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + enc(id)), OAI, "datestamp").get(0)));
        }
        assertEquals(all.stream().min(Instant::compareTo).orElseThrow(), earliest, "the true earliest datestamp");

        String sample = texts(d, "http://www.openarchives.org/OAI/2.0/oai-identifier", "sampleIdentifier").get(0);
        assertEquals(Optional.empty(), error(doc("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + enc(sample))), "the sample resolves");
    }

    @Test
    void identifyNamesTheEnabledPeersAsFriends(@TempDir Path other) throws Exception {
        Path home = other.resolve("home");
        java.nio.file.Files.createDirectories(home.resolve("harvest"));
        java.nio.file.Files.writeString(home.resolve("harvest/peers.json"), "{\"peers\": ["
                + "{\"id\": \"on\", \"name\": {\"ar\": \"أ\", \"en\": \"On\"}, \"baseUrl\": \"https://on.example.org/oai\"},"
                + "{\"id\": \"off\", \"name\": {\"ar\": \"ب\", \"en\": \"Off\"}, \"baseUrl\": \"https://off.example.org/oai\", \"enabled\": false}]}");
        try (Archive peered = Archive.open(new Config("127.0.0.1", 0, other.resolve("data"), Optional.of(TestArchives.BASE), Optional.of(home)));
             ArchiveServer s = ArchiveServer.start(peered)) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(s.uri().resolve("oai?verb=Identify")).build(), HttpResponse.BodyHandlers.ofString());
            OaiSchemas.assertValid(r.body());
            assertEquals(List.of("https://on.example.org/oai"), texts(OaiSchemas.parse(r.body()), "http://www.openarchives.org/OAI/2.0/friends/", "baseURL"));
        }
    }

    @Test
    void theRequestIsEchoedWhenValidAndBareWhenNot() throws Exception {
        Document ok = doc("verb=ListIdentifiers&metadataPrefix=oai_dc&set=type");
        Element request = (Element) ok.getElementsByTagNameNS(OAI, "request").item(0);
        assertEquals("ListIdentifiers", request.getAttribute("verb"));
        assertEquals("oai_dc", request.getAttribute("metadataPrefix"));
        assertEquals("type", request.getAttribute("set"));
        assertEquals(TestArchives.BASE + "oai", request.getTextContent());
        Element bad = (Element) doc("verb=ListIdentifiers&colour=red").getElementsByTagNameNS(OAI, "request").item(0);
        assertFalse(bad.hasAttribute("verb"), "a badArgument response echoes no arguments");
    }

    // Errors

    @ParameterizedTest
    @ValueSource(strings = {
            "verb=Nope|badVerb",
            "|badVerb",
            "verb=ListRecords|badArgument",
            "verb=ListRecords&metadataPrefix=marc21|cannotDisseminateFormat",
            "verb=GetRecord&metadataPrefix=marc21&identifier=oai:archive.test:" + SEED + "|cannotDisseminateFormat",
            "verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:archive.test:document/never-was|idDoesNotExist",
            "verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elsewhere.org:" + SEED + "|idDoesNotExist",
            "verb=GetRecord&metadataPrefix=oai_dc&identifier=" + SEED + "|idDoesNotExist",
            "verb=ListMetadataFormats&identifier=oai:archive.test:person/nobody|idDoesNotExist",
            "verb=ListRecords&resumptionToken=not-one-of-ours|badResumptionToken",
            "verb=ListRecords&resumptionToken=MQoBCgoKCjAKMAow|badResumptionToken",
            "verb=ListRecords&resumptionToken=MQptYXJjMjEKCgoKMAowCjA|badResumptionToken",
            "verb=ListRecords&resumptionToken=MQpvYWlfZGMKY29sb3VyOnJlZAoKCjAKMAow|badResumptionToken",
            "verb=ListRecords&metadataPrefix=oai_dc&set=%01|badArgument",
            "verb=Identify%0B|badVerb",
            "verb=ListSets&resumptionToken=abc|badResumptionToken",
            "verb=ListRecords&metadataPrefix=oai_dc&from=2090-01-01|noRecordsMatch",
            "verb=ListIdentifiers&metadataPrefix=oai_dc&until=1990-01-01|noRecordsMatch",
            "verb=ListRecords&metadataPrefix=oai_dc&set=colour:red|noRecordsMatch",
            "verb=ListRecords&metadataPrefix=oai_dc&from=2017-01-01T00:00:00Z&until=2018-01-01|badArgument",
            "verb=ListRecords&metadataPrefix=oai_dc&from=2018-01-01&until=2017-01-01|badArgument",
    })
    void errorsHaveTheirCodeAndAValidResponse(String line) throws Exception {
        String[] parts = line.split("\\|");
        assertEquals(Optional.of(parts[1]), error(doc(parts[0])), parts[0]);
    }

    // Lists

    @Test
    void aFullHarvestByTokensIsTheWholeArchiveOnce() throws Exception {
        Set<String> expected = allIdentifiers();
        assertTrue(expected.size() > 2 * PAGE, "several pages");
        for (String verb : List.of("ListRecords", "ListIdentifiers")) {
            for (String prefix : List.of("oai_dc", "rdf")) {
                List<String> got = harvest(verb, "metadataPrefix=" + prefix);
                assertEquals(got.size(), new HashSet<>(got).size(), verb + " " + prefix + ": no record twice");
                assertEquals(expected, new HashSet<>(got), verb + " " + prefix + ": every record, tombstones included");
            }
        }
    }

    @Test
    void setsAreHierarchical() throws Exception {
        List<String> documents = harvest("ListIdentifiers", "metadataPrefix=oai_dc&set=kind:document");
        assertEquals(new HashSet<>(documents), new HashSet<>(harvest("ListIdentifiers", "metadataPrefix=oai_dc&set=type")),
                "set=type holds every document type's set");
        List<String> statements = harvest("ListIdentifiers", "metadataPrefix=oai_dc&set=type:press-statement");
        assertTrue(statements.contains("oai:archive.test:" + SEED));
        assertTrue(documents.containsAll(statements) && statements.size() < documents.size());
        assertTrue(harvest("ListIdentifiers", "metadataPrefix=oai_dc&set=kind:person").stream().allMatch(i -> i.contains(":person/")));
    }

    @Test
    void listSetsNamesEverySetInBothLanguages() throws Exception {
        Document d = doc("verb=ListSets");
        List<String> specs = texts(d, OAI, "setSpec");
        assertTrue(specs.containsAll(List.of("kind", "kind:document", "type", "type:press-statement", "type:report",
                "reliability", "reliability:not-verified")), specs.toString());
        assertEquals(1 + 5 + 1 + 12 + 1 + 4, specs.size());
        NodeList sets = d.getElementsByTagNameNS(OAI, "set");
        for (int i = 0; i < sets.getLength(); i++) {
            Element set = (Element) sets.item(i);
            String name = set.getElementsByTagNameNS(OAI, "setName").item(0).getTextContent();
            assertTrue(name.matches(".*\\p{IsArabic}.*") && name.matches(".*[A-Za-z].*"), "bilingual: " + name);
        }
        assertTrue(texts(d, OAI, "setName").contains("بيان صحفي — Press statement"));
    }

    @Test
    void aTombstoneIsDeletedInTheSetsItBelongedTo() throws Exception {
        String id = "oai:archive.test:document/withdrawn";
        Document record = doc("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + enc(id));
        Element header = (Element) record.getElementsByTagNameNS(OAI, "header").item(0);
        assertEquals("deleted", header.getAttribute("status"));
        assertEquals(0, record.getElementsByTagNameNS(OAI, "metadata").getLength(), "a deleted record has no metadata");
        assertEquals(List.of("kind:document", "reliability:not-verified", "type:press-statement"), texts(record, OAI, "setSpec"));
        for (String set : List.of("type:press-statement", "reliability:not-verified", "kind:document")) {
            assertTrue(harvest("ListIdentifiers", "metadataPrefix=oai_dc&set=" + set).contains(id), set);
        }
    }

    @Test
    void fromAndUntilAreInclusiveAtBothGranularities() throws Exception {
        Document d = doc("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + enc("oai:archive.test:" + SEED));
        String stamp = texts(d, OAI, "datestamp").get(0);
        String day = stamp.substring(0, 10);
        assertTrue(harvest("ListIdentifiers", "metadataPrefix=oai_dc&from=" + stamp + "&until=" + stamp).contains("oai:archive.test:" + SEED),
                "from = until = the record's second");
        assertTrue(harvest("ListIdentifiers", "metadataPrefix=oai_dc&from=" + day + "&until=" + day).contains("oai:archive.test:" + SEED),
                "a one-day from = until");
        Instant after = Instant.parse(stamp).plusSeconds(1);
        assertFalse(harvest("ListIdentifiers", "metadataPrefix=oai_dc&until=" + stamp).isEmpty());
        Document later = doc("verb=ListIdentifiers&metadataPrefix=oai_dc&from=" + after);
        assertFalse(texts(later, OAI, "identifier").contains("oai:archive.test:" + SEED), "from is after the record's datestamp");
    }

    @Test
    void aRecordChangedDuringAHarvestIsNotSkipped() throws Exception {
        // Organisations of its own, so that the change disturbs no other test's records.
        StringBuilder orgs = new StringBuilder();
        for (int i = 1; i <= PAGE + 1; i++) orgs.append(TestArchives.organisation("harvest-" + i, "Harvested " + i, "محصود " + i)).append('\n');
        TestArchives.load(archive.store(), orgs.toString());
        Document first = doc("verb=ListRecords&metadataPrefix=oai_dc&set=kind:organisation");
        List<String> seen = new ArrayList<>(texts(first, OAI, "identifier"));
        String token = texts(first, OAI, "resumptionToken").get(0);
        assertFalse(token.isEmpty(), "more than a page of organisations");
        String early = seen.stream().filter(i -> i.contains("harvest-")).findFirst().orElseThrow();
        String key = early.substring(early.lastIndexOf('/') + 1);
        TestArchives.load(archive.store(), TestArchives.organisation(key, "Renamed", "اسم جديد") + "\n");
        String query = "verb=ListRecords&resumptionToken=" + token;
        List<String> names = new ArrayList<>();
        while (true) {
            Document d = doc(query);
            seen.addAll(texts(d, OAI, "identifier"));
            names.addAll(texts(d, DC, "title"));
            String next = texts(d, OAI, "resumptionToken").get(0);
            if (next.isEmpty()) break;
            query = "verb=ListRecords&resumptionToken=" + next;
        }
        assertEquals(2, seen.stream().filter(early::equals).count(), "the changed record comes again");
        assertTrue(names.contains("Renamed"), "in its new state");
        Set<String> organisations = new HashSet<>(harvest("ListIdentifiers", "metadataPrefix=oai_dc&set=kind:organisation"));
        assertEquals(organisations, new HashSet<>(seen), "nothing skipped");
    }

    // Records

    @Test
    void oaiDcCarriesBothLanguagesTheUriTheCodeAndTheGrade() throws Exception {
        Document d = doc("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + enc("oai:archive.test:" + SEED));
        Map<String, List<String>> titles = byLanguage(d, "title");
        assertEquals(List.of("«المسلخ البشري» على طاولة مجلس الأمن والمجتمع الدولي"), titles.get("ar"), "Arabic intact");
        assertTrue(titles.get("en").get(0).startsWith("Action Must be Taken"));
        assertTrue(byLanguage(d, "creator").get("en").contains("National Coalition of Syrian Revolution and Opposition Forces"));
        assertTrue(byLanguage(d, "creator").get("ar").contains("الائتلاف الوطني لقوى الثورة والمعارضة السورية"));
        List<String> identifiers = texts(d, DC, "identifier");
        assertTrue(identifiers.contains(TestArchives.BASE + "id/" + SEED), "the record's URI");
        assertTrue(identifiers.contains("SM-DOC-2017-0207-01"), "the archive code");
        assertTrue(byLanguage(d, "description").get("en").contains("Reliability grade: Not verified"));
        assertTrue(byLanguage(d, "type").get("ar").contains("بيان صحفي"));
        assertEquals(List.of("2017-02-07"), texts(d, DC, "date"));
        assertEquals(List.of("ar"), texts(d, DC, "language"));
        assertTrue(byLanguage(d, "coverage").get("en").contains("Syria"));
        assertTrue(texts(d, DC, "relation").contains(TestArchives.BASE + "id/organisation/amnesty-international"));
        assertEquals(List.of(Config.Oai.DEFAULTS.license()), texts(d, DC, "rights"));
    }

    private static Map<String, List<String>> byLanguage(Document d, String element) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        NodeList nodes = d.getElementsByTagNameNS(DC, element);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            String lang = e.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
            out.computeIfAbsent(lang, k -> new ArrayList<>()).add(e.getTextContent());
        }
        return out;
    }

    @Test
    void aControlCharacterStoredBeforeTheyWereRefusedCannotBreakAResponse() throws Exception {
        // Written past the loader's check, as a record stored by an older version would be.
        RecordId id = new RecordId(org.dhakira.vocab.Kind.PLACE, "bell");
        org.apache.jena.graph.Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        org.apache.jena.graph.Node s = org.apache.jena.graph.NodeFactory.createURI(id.iri(TestArchives.BASE));
        g.add(s, org.apache.jena.vocabulary.RDF.type.asNode(), org.dhakira.vocab.Arch.Place);
        g.add(s, org.dhakira.vocab.Arch.name, org.apache.jena.graph.NodeFactory.createLiteralLang("bell \u0007 place", "en"));
        try (org.dhakira.store.Batch b = archive.store().begin()) {
            b.put(id, g);
            b.commit();
        }
        for (String prefix : List.of("oai_dc", "rdf")) {
            String xml = oai("verb=GetRecord&metadataPrefix=" + prefix + "&identifier=" + enc("oai:archive.test:place/bell"));
            assertTrue(xml.contains("bell \uFFFD place"), prefix + ": the character is replaced, the response stays XML");
        }
    }

    @Test
    void theRdfFormatIsTheRecordsGraph() throws Exception {
        String xml = oai("verb=GetRecord&metadataPrefix=rdf&identifier=" + enc("oai:archive.test:" + SEED));
        Document d = OaiSchemas.parse(xml);
        Element rdf = (Element) d.getElementsByTagNameNS("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "RDF").item(0);
        String inner = serialize(rdf);
        org.apache.jena.graph.Graph got = org.apache.jena.riot.RDFParser.fromString(inner, org.apache.jena.riot.Lang.RDFXML).toGraph();
        org.apache.jena.graph.Graph stored = archive.store().find(RecordId.parse(SEED)).orElseThrow().graph();
        assertTrue(got.isIsomorphicWith(stored), "lossless: the harvested RDF is the stored graph");
    }

    private static String serialize(Element e) throws Exception {
        javax.xml.transform.Transformer t = javax.xml.transform.TransformerFactory.newInstance().newTransformer();
        java.io.StringWriter w = new java.io.StringWriter();
        t.transform(new javax.xml.transform.dom.DOMSource(e), new javax.xml.transform.stream.StreamResult(w));
        return w.toString();
    }

    @Test
    void listMetadataFormatsWithAndWithoutIdentifier() throws Exception {
        assertEquals(List.of("oai_dc", "rdf"), texts(doc("verb=ListMetadataFormats"), OAI, "metadataPrefix"));
        assertEquals(List.of("oai_dc", "rdf"), texts(doc("verb=ListMetadataFormats&identifier=" + enc("oai:archive.test:" + SEED)), OAI, "metadataPrefix"));
        HttpResponse<String> schema = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("oai/rdf.xsd")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, schema.statusCode(), "the rdf format's schema is served where ListMetadataFormats says");
        assertTrue(texts(doc("verb=ListMetadataFormats"), OAI, "schema").contains(TestArchives.BASE + "oai/rdf.xsd"));
    }

    // HTTP

    @Test
    void postIsAnsweredAsGet() throws Exception {
        String form = "verb=GetRecord&metadataPrefix=oai_dc&identifier=" + enc("oai:archive.test:" + SEED);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("oai"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        OaiSchemas.assertValid(r.body());
        assertEquals(withoutResponseDate(oai(form)), withoutResponseDate(r.body()));
    }

    @Test
    void aPostWithoutAFormIsBadVerbNotAFailure() throws Exception {
        for (String type : new String[] {"application/x-www-form-urlencoded", null}) {
            HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve("oai")).POST(HttpRequest.BodyPublishers.noBody());
            if (type != null) b.header("Content-Type", type);
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(r.statusCode() < 500, "answered " + r.statusCode() + " with Content-Type " + type);
            if (r.statusCode() == 200) {
                OaiSchemas.assertValid(r.body());
                assertTrue(r.body().contains("code=\"badVerb\""), r.body());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "deflate"})
    void compressedWhenAsked(String encoding) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.uri() + "oai?verb=ListRecords&metadataPrefix=oai_dc"))
                .header("Accept-Encoding", encoding).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(Optional.of(encoding), r.headers().firstValue("Content-Encoding"));
        var in = encoding.equals("gzip") ? new GZIPInputStream(new ByteArrayInputStream(r.body()))
                : new InflaterInputStream(new ByteArrayInputStream(r.body()));
        String xml = OaiSchemas.utf8(in.readAllBytes());
        OaiSchemas.assertValid(xml);
        assertTrue(xml.contains("صيدنايا"), "Arabic intact through compression");
    }

    static String withoutResponseDate(String xml) {
        return xml.replaceAll("<responseDate>[^<]*</responseDate>", "");
    }

    // Golden files: what a reviewer reads to see the responses, times set to a fixed second

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({
            "identify, verb=Identify",
            "list-metadata-formats, verb=ListMetadataFormats",
            "get-record-oai_dc, verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:archive.test:place/syria",
            "get-record-deleted, verb=GetRecord&metadataPrefix=rdf&identifier=oai:archive.test:document/withdrawn",
            "bad-argument, verb=ListRecords&metadataPrefix=oai_dc&from=2017-02-08&until=2017-02-07",
    })
    void responsesMatchTheirGoldenFiles(String name, String query) throws Exception {
        String got = golden(oai(query));
        java.net.URL url = getClass().getResource("/oai/golden/" + name + ".xml");
        if (url == null || Boolean.getBoolean("golden.update")) {
            Path file = Path.of("src/test/resources/oai/golden", name + ".xml");
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, got);
            throw new AssertionError("wrote " + file + ": read it, then run again (-Dgolden.update=true rewrites them all)");
        }
        String expected = OaiSchemas.utf8(url.openStream().readAllBytes());
        assertEquals(expected, got, name);
    }

    /** Indented, with every datestamp set to one second, so that a file can be read and compared. */
    static String golden(String xml) throws Exception {
        String fixed = xml.replaceAll("(<(responseDate|datestamp|earliestDatestamp)>)[^<]+(</)", "$12026-01-01T00:00:00Z$3");
        javax.xml.transform.Transformer t = javax.xml.transform.TransformerFactory.newInstance().newTransformer();
        t.setOutputProperty(javax.xml.transform.OutputKeys.INDENT, "yes");
        t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
        java.io.StringWriter w = new java.io.StringWriter();
        t.transform(new javax.xml.transform.dom.DOMSource(OaiSchemas.parse(fixed)), new javax.xml.transform.stream.StreamResult(w));
        return w.toString().replace("?><OAI-PMH", "?>\n<OAI-PMH").strip() + "\n";
    }

    // Whatever arrives

    @Test
    void randomQueryStringsAlwaysGetAValidResponse() throws Exception {
        Random r = new Random(2017);
        String[] names = {"verb", "metadataPrefix", "identifier", "from", "until", "set", "resumptionToken", "x", "", "VERB"};
        String[] values = {"Identify", "ListRecords", "ListIdentifiers", "GetRecord", "ListSets", "ListMetadataFormats",
                "oai_dc", "rdf", "oai:archive.test:" + SEED, "2017-02-07", "2017-02-07T00:00:00Z", "type", "kind:document",
                "", "%", "%25", "&", "=", "<>&\"'", "صيدنايا", "\u200F", "\u0001", "\u000B", "\uFFFE", "9999-99-99", "MQ", "-1", "a".repeat(500)};
        for (int i = 0; i < 300; i++) {
            StringBuilder q = new StringBuilder();
            int n = r.nextInt(5);
            for (int k = 0; k < n; k++) {
                if (k > 0) q.append('&');
                String value = values[r.nextInt(values.length)];
                q.append(names[r.nextInt(names.length)]).append('=')
                        .append(value.equals("&") || value.equals("=") ? value : enc(value));
            }
            oai(q.toString()); // 200, text/xml, schema-valid: asserted there
        }
    }
}
