package org.dhakira.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.dhakira.TestArchives;
import org.dhakira.ingest.Progress;
import org.dhakira.provenance.Origin;
import org.dhakira.provenance.Provenance;
import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.dhakira.server.Config;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;
import org.dhakira.store.StoredRecord;
import org.dhakira.vocab.Kind;
import org.dhakira.vocab.Prov;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Three archives on free ports federating in the native format: B harvests A, A changes and deletes records and
 * B's next harvest reflects exactly that; C harvests B and holds A's records with A's URIs and both hops of their
 * provenance, nested in its OAI-PMH answers; A harvests B back and skips its own records. Each test builds on the
 * one before, as harvests do.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FederationTest {

    @TempDir
    static Path dir;

    static Archive a, b, c;
    static ArchiveServer serverA, serverB, serverC;
    static Peer peerA, peerB, peerBFromA;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String PROVENANCE = "http://www.openarchives.org/OAI/2.0/provenance";
    static final String OAI = "http://www.openarchives.org/OAI/2.0/";

    static Archive open(String name) {
        Config plain = TestArchives.config(dir.resolve(name));
        return Archive.open(new Config(plain.host(), plain.port(), plain.data(), Optional.of("http://" + name + ".test/"), plain.home(),
                new Config.Oai("أرشيف " + name, Optional.of(name + ".test"), Optional.empty(), 7, Config.Oai.DEFAULTS.license())));
    }

    static Harvester harvester(Archive into) {
        return new Harvester(into.store(), OaiClientTest.quick().build(), Optional.empty(), Clock.systemUTC());
    }

    @BeforeAll
    static void start() throws Exception {
        a = open("a");
        b = open("b");
        c = open("c");
        a.loadDemoIfEmpty();
        TestArchives.load(a.store(), TestArchives.document("to-change", "") + "\n" + TestArchives.document("to-delete", "") + "\n"
                + TestArchives.document("withdrawn", "") + "\n");
        TestArchives.load(a.store(), "{\"id\":\"document/withdrawn\",\"kind\":\"document\",\"deleted\":true}\n");
        TestArchives.load(b.store(), TestArchives.document("own-of-b", "") + "\n");
        serverA = ArchiveServer.start(a);
        serverB = ArchiveServer.start(b);
        serverC = ArchiveServer.start(c);
        peerA = new Peer("a", "الأرشيف أ", "Archive A", URI.create(serverA.uri() + "oai"), "rdf", List.of(), Duration.ofHours(1), true);
        peerB = new Peer("b", "الأرشيف ب", "Archive B", URI.create(serverB.uri() + "oai"), "rdf", List.of(), Duration.ofHours(1), true);
        peerBFromA = peerB;
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable x : new AutoCloseable[] {serverA, serverB, serverC, a, b, c}) {
            try {
                if (x != null) x.close();
            } catch (Exception ignored) {
                // closing the rest matters more
            }
        }
    }

    /** A's records by id, as A holds them. */
    static Map<RecordId, StoredRecord> held(Archive archive) {
        Map<RecordId, StoredRecord> all = new HashMap<>();
        archive.store().read(dsg -> {
            dsg.listGraphNodes().forEachRemaining(g -> archive.store().uris().id(g.getURI())
                    .ifPresent(id -> all.put(id, archive.store().find(id).orElseThrow())));
            return null;
        });
        return all;
    }

    static RecordId there(RecordId atA, String origin) {
        return new RecordId(atA.kind(), origin + "~" + atA.key());
    }

    @Test
    @Order(1)
    void theFirstHarvestCopiesEveryRecordWithItsPeersUris() {
        Map<RecordId, StoredRecord> atA = held(a);
        long live = atA.values().stream().filter(r -> !r.deleted()).count();
        long gone = atA.values().stream().filter(StoredRecord::deleted).count();

        PeerState.Outcome o = harvester(b).harvest(peerA, Progress.NONE);

        assertTrue(o.ok(), () -> "the harvest failed: " + o.error());
        assertEquals(live, o.counts().added());
        assertEquals(0, o.counts().deleted(), "a deletion of a record never held here leaves nothing: it carries no URI");
        assertEquals(gone, o.counts().unchanged());
        assertEquals(0, o.counts().failed(), () -> "failures: " + o.counts().failures());
        for (StoredRecord r : atA.values()) {
            RecordId id = there(r.id(), "a");
            if (r.deleted()) {
                assertTrue(b.store().find(id).isEmpty(), id + ": deleted at A before B ever held it");
                continue;
            }
            StoredRecord copy = b.store().find(id).orElseThrow(() -> new AssertionError(id + " is not in B"));
            assertFalse(copy.deleted(), id.toString());
            assertEquals(a.store().uris().iri(r.id()), b.store().uris().iri(id), "the peer's URI is kept");
            if (r.deleted()) continue;
            r.graph().find().forEachRemaining(t -> assertTrue(copy.graph().contains(t), () -> id + " lost " + t));
            Node thing = NodeFactory.createURI(b.store().uris().iri(id));
            // What B adds is provenance only.
            copy.graph().find().forEachRemaining(t -> assertTrue(r.graph().contains(t) || t.getPredicate().getURI().startsWith(Prov.NS)
                    || !t.getSubject().equals(thing), () -> id + " gained " + t));
            List<Origin> chain = Provenance.chain(copy.graph(), thing);
            assertEquals(1, chain.size());
            assertEquals(peerA.baseUrl(), chain.get(0).baseUrl());
            assertEquals("oai:a.test:" + r.id().path(), chain.get(0).identifier());
            assertEquals(r.datestamp(), chain.get(0).datestamp());
            assertFalse(chain.get(0).altered());
        }
        PeerState state = harvester(b).state("a");
        assertTrue(state.run().isEmpty(), "the run is over");
        assertEquals(Optional.of(o.counts().added()), state.last().map(l -> l.counts().added()));
        assertTrue(state.lastSuccessStart().isPresent());
    }

    @Test
    @Order(2)
    void aHarvestedRecordIsReExposedWithItsProvenanceAndInItsSourceSet() throws Exception {
        String key = "coalition-amnesty-saydnaya-2017-02-07";
        StoredRecord original = a.store().find(new RecordId(Kind.DOCUMENT, key)).orElseThrow();
        for (String prefix : List.of("oai_dc", "rdf")) {
            String xml = get(serverB, "oai?verb=GetRecord&metadataPrefix=" + prefix + "&identifier=oai:b.test:document/a~" + key);
            org.dhakira.oai.OaiSchemas.assertValid(xml);
            Element origin = first(parse(xml), PROVENANCE, "originDescription");
            assertEquals(prefix.equals("oai_dc") ? "true" : "false", origin.getAttribute("altered"),
                    "harvested in rdf: as it came in rdf, through the crosswalk in oai_dc");
            assertEquals(peerA.baseUrl().toString(), child(origin, "baseURL"));
            assertEquals("oai:a.test:document/" + key, child(origin, "identifier"));
            assertEquals(original.datestamp().toString(), child(origin, "datestamp"));
            assertEquals("http://www.w3.org/1999/02/22-rdf-syntax-ns#", child(origin, "metadataNamespace"));
            assertFalse(origin.getAttribute("harvestDate").isEmpty());
        }
        String sets = get(serverB, "oai?verb=ListSets");
        assertTrue(sets.contains("<setSpec>source:a</setSpec>"), sets);
        List<String> inSet = identifiers(serverB, "oai?verb=ListIdentifiers&metadataPrefix=oai_dc&set=source:a");
        assertEquals(held(a).values().stream().filter(r -> !r.deleted()).count(), inSet.size(), "every record harvested from A");
        assertFalse(inSet.contains("oai:b.test:document/own-of-b"));
        // Its page says where it came from, in the reader's language, linking to the record at A.
        String page = get(serverB, "doc/document/a~" + key + ".html?lang=en");
        assertTrue(page.contains("Harvested from") && page.contains("Archive A") && page.contains("href=\"/harvest#a\""), page);
        assertTrue(page.contains("href=\"http://a.test/id/document/" + key + "\""), "the record at A, by its own URI");
        assertTrue(get(serverB, "doc/document/a~" + key + ".html").contains("الأرشيف أ"), "the peer's Arabic name on the Arabic page");
        String harvestPage = get(serverB, "harvest.json");
        assertTrue(harvestPage.contains("\"id\" : \"a\"") && harvestPage.contains("\"outcome\" : \"ok\""), harvestPage);
        // Its description names A's URI.
        String turtle = getTurtle(serverB, "doc/document/a~" + key);
        assertTrue(turtle.contains("<http://a.test/id/document/" + key + ">") || turtle.contains("a.test/id/document/"), turtle);
    }

    @Test
    @Order(3)
    void theNextHarvestBringsExactlyWhatChanged() throws Exception {
        PeerState.Outcome quiet = harvester(b).harvest(peerA, Progress.NONE);
        assertTrue(quiet.ok(), () -> "failed: " + quiet.error());
        assertEquals(0, quiet.counts().added() + quiet.counts().updated() + quiet.counts().deleted() + quiet.counts().failed(),
                () -> "nothing changed at A, yet: " + quiet.counts());
        Thread.sleep(1100); // A's datestamps are in seconds: the changes are later than the last harvest's start
        TestArchives.load(a.store(), TestArchives.document("to-change", "\"summary\":{\"en\":\"Changed\"}") + "\n"
                + TestArchives.document("new-one", "") + "\n" + "{\"id\":\"document/to-delete\",\"kind\":\"document\",\"deleted\":true}\n");

        PeerState.Outcome o = harvester(b).harvest(peerA, Progress.NONE);

        assertTrue(o.ok(), () -> "failed: " + o.error());
        assertEquals(1, o.counts().added(), () -> o.counts().toString());
        assertEquals(1, o.counts().updated(), () -> o.counts().toString());
        assertEquals(1, o.counts().deleted(), () -> o.counts().toString());
        assertEquals(RecordStore.Status.DELETED, b.store().status(RecordId.parse("document/a~to-delete")).orElseThrow());
        assertTrue(b.store().find(RecordId.parse("document/a~to-change")).orElseThrow().graph().find(Node.ANY, Node.ANY, NodeFactory.createLiteralLang("Changed", "en")).hasNext());
        assertTrue(b.store().find(RecordId.parse("document/a~new-one")).isPresent());
        // The deletion is in B's OAI answers, and stays in the source set.
        List<String> deleted = identifiers(serverB, "oai?verb=ListIdentifiers&metadataPrefix=oai_dc&set=source:a", true);
        assertTrue(deleted.contains("oai:b.test:document/a~to-delete"), deleted.toString());
        // Every door shows it at once.
        assertEquals(410, HTTP.send(HttpRequest.newBuilder(URI.create(serverB.uri() + "doc/document/a~to-delete")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    @Order(4)
    void throughTwoHopsTheRecordKeepsItsFirstUriAndBothProvenances() throws Exception {
        PeerState.Outcome o = harvester(c).harvest(peerB, Progress.NONE);
        assertTrue(o.ok(), () -> "failed: " + o.error());
        assertEquals(0, o.counts().failed(), () -> o.counts().failures().toString());
        String key = "coalition-amnesty-saydnaya-2017-02-07";
        // C names the URI spaces it meets through B after B: B's own, then A's (b-2).
        RecordId atC = c.store().uris().id("http://a.test/id/document/" + key).orElseThrow(() -> new AssertionError("A's URI is not known at C"));
        assertEquals("b-2~" + key, atC.key());
        StoredRecord r = c.store().find(atC).orElseThrow();
        List<Origin> chain = Provenance.chain(r.graph(), NodeFactory.createURI(c.store().uris().iri(atC)));
        assertEquals(2, chain.size(), chain.toString());
        assertEquals("oai:b.test:document/a~" + key, chain.get(0).identifier());
        assertEquals(peerB.baseUrl(), chain.get(0).baseUrl());
        assertEquals("oai:a.test:document/" + key, chain.get(1).identifier());
        assertEquals(peerA.baseUrl(), chain.get(1).baseUrl());
        // B's own record keeps B's URI.
        assertEquals("http://b.test/id/document/own-of-b", c.store().uris().iri(RecordId.parse("document/b~own-of-b")));
        assertTrue(c.store().find(RecordId.parse("document/b~own-of-b")).isPresent());

        String xml = get(serverC, "oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:c.test:" + atC.path());
        org.dhakira.oai.OaiSchemas.assertValid(xml);
        Element outer = first(parse(xml), PROVENANCE, "originDescription");
        assertEquals("oai:b.test:document/a~" + key, child(outer, "identifier"));
        Element inner = first(outer, PROVENANCE, "originDescription");
        assertEquals("oai:a.test:document/" + key, child(inner, "identifier"));
        assertEquals(peerA.baseUrl().toString(), child(inner, "baseURL"));
        assertTrue(identifiers(serverC, "oai?verb=ListIdentifiers&metadataPrefix=oai_dc&set=source:b").contains("oai:c.test:" + atC.path()));
        assertTrue(identifiers(serverC, "oai?verb=ListIdentifiers&metadataPrefix=oai_dc&set=source:a").isEmpty(),
                "C harvested B, not A: A is an earlier hop");
    }

    @Test
    @Order(5)
    void anArchiveHarvestingItsPeerBackSkipsItsOwnRecords() {
        long before = a.store().position().sequence();
        PeerState.Outcome o = harvester(a).harvest(peerB, Progress.NONE);
        assertTrue(o.ok(), () -> "failed: " + o.error());
        assertEquals(1, o.counts().added(), "only B's own record: " + o.counts());
        assertEquals(0, o.counts().failed(), () -> o.counts().failures().toString());
        assertTrue(a.store().find(RecordId.parse("document/b~own-of-b")).isPresent());
        assertEquals(before + 1, a.store().position().sequence(), "A's own records, come back, are left as they are");
    }

    @Test
    @Order(6)
    void aRecordThatWentThroughThisArchiveIsNotTakenBackFromAnother() {
        // C holds A's records through B; B harvesting C would take them back, a hop longer, round and round.
        Peer peerC = new Peer("c", "الأرشيف ج", "Archive C", URI.create(serverC.uri() + "oai"), "rdf", List.of(), Duration.ofHours(1), true);
        long before = b.store().position().sequence();
        PeerState.Outcome o = harvester(b).harvest(peerC, Progress.NONE);
        assertTrue(o.ok(), () -> "failed: " + o.error());
        assertEquals(0, o.counts().added() + o.counts().updated(), o.counts().toString());
        assertEquals(before, b.store().position().sequence(), "nothing written");
    }

    @Test
    @Order(7)
    void anArchiveWithItsPeersBaseURIIsToldSoAndTakesNothing() {
        // Two archives left at the same base (say both at the default): the peer's records look like this one's own.
        Config plain = TestArchives.config(dir.resolve("twin-of-a"));
        Archive twin = Archive.open(new Config(plain.host(), plain.port(), plain.data(), Optional.of("http://a.test/"), plain.home(), Config.Oai.DEFAULTS));
        try {
            long before = twin.store().position().sequence();
            PeerState.Outcome o = harvester(twin).harvest(peerA, Progress.NONE);
            assertFalse(o.ok(), "a harvest of records that cannot be told from this archive's own");
            assertTrue(o.error().orElseThrow().contains("this archive's own base URI http://a.test/"), o.error().orElseThrow());
            assertEquals(before, twin.store().position().sequence(), "nothing written");

            PeerState.Outcome itself = harvester(a).harvest(peerA, Progress.NONE);
            assertFalse(itself.ok(), "an archive harvesting itself");
            assertTrue(itself.error().orElseThrow().contains("base URI"), itself.error().orElseThrow());
        } finally {
            twin.close();
        }
    }

    // --- HTTP and XML ---

    static String get(ArchiveServer s, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(s.uri() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), () -> path + ": " + r.body());
        return r.body();
    }

    static String getTurtle(ArchiveServer s, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(s.uri() + path)).header("Accept", "text/turtle").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), () -> path + ": " + r.body());
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), Lang.TURTLE).parse(g);
        return r.body();
    }

    static List<String> identifiers(ArchiveServer s, String first) throws Exception {
        return identifiers(s, first, false);
    }

    /** Every identifier of a list followed to its end; only deleted ones if {@code deletedOnly}. */
    static List<String> identifiers(ArchiveServer s, String first, boolean deletedOnly) throws Exception {
        List<String> ids = new ArrayList<>();
        String path = first;
        while (true) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(s.uri() + path)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.body().contains("noRecordsMatch")) return ids;
            Document d = parse(r.body());
            NodeList headers = d.getElementsByTagNameNS(OAI, "header");
            for (int i = 0; i < headers.getLength(); i++) {
                Element h = (Element) headers.item(i);
                if (deletedOnly && !"deleted".equals(h.getAttribute("status"))) continue;
                ids.add(child(h, OAI, "identifier"));
            }
            NodeList tokens = d.getElementsByTagNameNS(OAI, "resumptionToken");
            String token = tokens.getLength() == 0 ? "" : tokens.item(0).getTextContent().strip();
            if (token.isEmpty()) return ids;
            path = "oai?verb=ListIdentifiers&resumptionToken=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new java.io.StringReader(xml)));
    }

    static Element first(Document d, String ns, String name) {
        NodeList l = d.getElementsByTagNameNS(ns, name);
        assertTrue(l.getLength() > 0, "no " + name);
        return (Element) l.item(0);
    }

    static Element first(Element e, String ns, String name) {
        NodeList l = e.getElementsByTagNameNS(ns, name);
        assertTrue(l.getLength() > 0, "no nested " + name);
        return (Element) l.item(0);
    }

    static String child(Element e, String name) {
        return child(e, PROVENANCE, name);
    }

    static String child(Element e, String ns, String name) {
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element x && ns.equals(x.getNamespaceURI()) && name.equals(x.getLocalName())) return x.getTextContent();
        }
        throw new AssertionError("no " + name + " in " + e.getLocalName());
    }
}
