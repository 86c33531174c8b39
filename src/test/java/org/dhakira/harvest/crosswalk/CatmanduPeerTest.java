package org.dhakira.harvest.crosswalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.dhakira.store.RecordId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.dhakira.Clients;
import org.dhakira.TestArchives;
import org.dhakira.harvest.DeletedRecord;
import org.dhakira.harvest.Granularity;
import org.dhakira.harvest.HarvestedRecord;
import org.dhakira.harvest.Identity;
import org.dhakira.harvest.OaiClient;
import org.dhakira.harvest.Page;
import org.dhakira.harvest.Selection;
import org.dhakira.store.RecordStore;
import org.dhakira.vocab.Arch;
import org.dhakira.vocab.DataFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real third-party peer: Debian's Dancer::Plugin::Catmandu::OAI (libdancer-plugin-catmandu-oai-perl) serving the
 * twenty records of {@code harvest/catmandu/records.yml} with its demo oai_dc template, started as a process on a
 * free port, harvested with {@link OaiClient} and every record mapped with the shipped crosswalk. The plugin needs
 * a CQL-searchable Catmandu store; the ones Debian has need a server it does not ship, so the store under it is
 * {@code harvest/catmandu/lib/Catmandu/Store/Fixture.pm}, a YAML file that answers the plugin's few queries.
 */
class CatmanduPeerTest {
    static final String PEER = "catmandu";

    @TempDir
    static Path dir;
    static Process provider;
    static URI baseUrl;
    static Path records;
    static RecordStore store;
    static Identity identity;
    static List<Page> pages = new ArrayList<>();
    static Map<String, Mapping> mapped = new LinkedHashMap<>();

    @BeforeAll
    static void harvestTheCatmanduPeer() throws Exception {
        Clients.run(dir, "libdancer-plugin-catmandu-oai-perl", "perl", "-MDancer::Plugin::Catmandu::OAI", "-e", "1");
        Path app = Path.of(CatmanduPeerTest.class.getResource("/harvest/catmandu/app.pl").toURI());
        records = app.resolveSibling("records.yml");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        provider = new ProcessBuilder("perl", app.toString(), String.valueOf(port)).directory(app.getParent().toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("provider.log").toFile()).start();
        waitForPort(port, Duration.ofSeconds(30));
        baseUrl = URI.create("http://127.0.0.1:" + port + "/oai");

        OaiClient client = OaiClient.builder().readTimeout(Duration.ofSeconds(20)).build();
        identity = client.identify(baseUrl);
        client.harvest(baseUrl, Selection.all("oai_dc"), identity.granularity()).forEachRemaining(pages::add);

        store = TestArchives.store(dir.resolve("store"));
        TestArchives.load(store, DublinCoreTest.resource("names.jsonl"));
        NameIndex names = NameIndex.of(store);
        DublinCore crosswalk = DublinCore.load(DataFiles.builtIn(), TestArchives.VOCABULARY);
        for (Page page : pages) {
            for (HarvestedRecord r : page.records()) mapped.put(r.header().identifier(), crosswalk.map(PEER, TestArchives.BASE, names, r));
        }
    }

    static void waitForPort(int port, Duration patience) throws Exception {
        long until = System.nanoTime() + patience.toNanos();
        while (true) {
            if (!provider.isAlive()) throw new AssertionError("the Catmandu provider stopped: " + log());
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > until) throw new AssertionError("the Catmandu provider did not listen on " + port + ": " + log());
                Thread.sleep(100);
            }
        }
    }

    static String log() throws IOException {
        return Files.readString(dir.resolve("provider.log"), StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() throws Exception {
        if (provider != null) {
            provider.destroy();
            provider.waitFor();
        }
        if (store != null) store.close();
    }

    static Mapping.Mapped live(String local) {
        Mapping m = mapped.get("oai:catmandu.example.org:" + local);
        assertTrue(m instanceof Mapping.Mapped, local + " was not mapped: " + m);
        return (Mapping.Mapped) m;
    }

    static Optional<Node> value(Mapping.Mapped m, Node property) {
        var found = m.graph().find(Node.ANY, property, Node.ANY).toList();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).getObject());
    }

    @Test
    void thePeerSaysWhatAHarvesterActsOn() {
        assertEquals(Granularity.SECOND, identity.granularity());
        assertEquals(DeletedRecord.PERSISTENT, identity.deletedRecord());
        assertEquals(3, pages.size(), "twenty records, seven a page, followed by the plugin's resumption tokens");
    }

    @Test
    void everyRecordIsMappedAndTheDeletionsWithdrawn() {
        assertEquals(20, mapped.size());
        List<String> refused = mapped.values().stream().filter(Mapping.Refused.class::isInstance).map(Object::toString).toList();
        assertEquals(List.of(), refused);
        List<String> withdrawn = mapped.values().stream().filter(Mapping.Withdrawn.class::isInstance).map(m -> m.id().key()).toList();
        assertEquals(List.of("catmandu~item-11", "catmandu~item-17"), withdrawn);
    }

    @Test
    void arabicTitlesArriveIntactAndInArabic() throws IOException {
        String yaml = Files.readString(records, StandardCharsets.UTF_8);
        for (String title : List.of("بيان حول تقرير منظمة العفو الدولية عن سجن صيدنايا", "مرسوم تشريعي رقم 161", "الجيش التركي in Iraq & سوريا")) {
            assertTrue(yaml.contains(title), "the fixture has " + title);
        }
        assertEquals(NodeFactory.createLiteralLang("بيان حول تقرير منظمة العفو الدولية عن سجن صيدنايا", "ar"), value(live("item-01"), Arch.title).get());
        assertEquals(NodeFactory.createLiteralLang("مرسوم تشريعي رقم 161", "ar"), value(live("item-09"), Arch.title).get());
        assertEquals(NodeFactory.createLiteralLang("الجيش التركي in Iraq & سوريا", "ar"), value(live("item-19"), Arch.title).get());
        assertEquals(NodeFactory.createLiteralLang("Statement on the Geneva talks", "en"), value(live("item-02"), Arch.title).get());
    }

    @Test
    void markupInATitleIsKeptAsText() {
        assertEquals(NodeFactory.createLiteralLang("<script>alert(1)</script> Statement & <b>markup</b>", "en"), value(live("item-20"), Arch.title).get());
    }

    @Test
    void issuersAreMatchedInEitherScriptAndSpelling() {
        Node coalition = NodeFactory.createURI(TestArchives.BASE + "id/organisation/syrian-coalition");
        assertEquals(Optional.of(coalition), value(live("item-01"), Arch.issuer), "«الإئتلاف الوطنى السورى» is an alias written otherwise");
        assertEquals(Optional.of(coalition), value(live("item-02"), Arch.issuer));
        assertEquals(Optional.of(NodeFactory.createURI(TestArchives.BASE + "id/person/riad-hijab")), value(live("item-08"), Arch.issuer), "Riyad Hijab");
    }

    @Test
    void typesAndDatesAsALibrarianWouldCheckThem() {
        assertEquals(Optional.of(org.dhakira.vocab.Vocabulary.documentType("letter")), value(live("item-05"), Arch.documentType), "رسالة مفتوحة");
        assertEquals(Optional.of(org.dhakira.vocab.Vocabulary.documentType("periodical-issue")), value(live("item-18"), Arch.documentType), "عدد جريدة");
        assertEquals("2014-05-22", value(live("item-06"), Arch.issued).get().getLiteralLexicalForm(), "22/05/2014 can only be day first");
        assertEquals("2013-06-01", value(live("item-14"), Arch.issued).get().getLiteralLexicalForm(), "the day as written, not moved to UTC");
        assertEquals(Optional.empty(), value(live("item-03"), Arch.issued), "2015 is no day of issue");
        assertEquals(Optional.of(NodeFactory.createLiteralString("ar")), value(live("item-13"), Arch.originalLanguage));
    }

    @Test
    void anIdentifierWithSlashesGetsACleanedKeyAndAHash() {
        assertTrue(live("items/2017/15").id().key().matches("catmandu~items-2017-15-[0-9a-f]{10}"), live("items/2017/15").id().key());
    }
    @Test
    void theHarvesterTakesThePeerIntoAnArchiveWithItsProvenance() throws Exception {
        org.dhakira.server.Config plain = TestArchives.config(dir.resolve("archive"));
        try (org.dhakira.server.Archive archive = org.dhakira.server.Archive.open(new org.dhakira.server.Config(plain.host(), plain.port(),
                plain.data(), plain.base(), plain.home(), new org.dhakira.server.Config.Oai("ذاكرة", Optional.of("archive.test"),
                Optional.empty(), 100, org.dhakira.server.Config.Oai.DEFAULTS.license())))) {
            TestArchives.load(archive.store(), DublinCoreTest.resource("names.jsonl"));
            org.dhakira.harvest.Peer peer = new org.dhakira.harvest.Peer(PEER, "كاتماندو", "Catmandu", baseUrl, "oai_dc", List.of(),
                    Duration.ofHours(6), true);

            org.dhakira.harvest.PeerState.Outcome o = archive.harvester().harvest(peer, org.dhakira.ingest.Progress.NONE);

            assertTrue(o.ok(), () -> "failed: " + o.error());
            assertEquals(18, o.counts().added(), o.counts().toString());
            assertEquals(2, o.counts().deleted(), "the peer's deletions are tombstones here");
            assertEquals(0, o.counts().failed(), () -> o.counts().failures().toString());
            RecordId item = live("item-01").id();
            var stored = archive.store().find(item).orElseThrow();
            List<org.dhakira.provenance.Origin> chain = org.dhakira.provenance.Provenance.chain(stored.graph(),
                    NodeFactory.createURI(archive.store().uris().iri(item)));
            assertEquals(1, chain.size());
            assertTrue(chain.get(0).altered(), "a crosswalk alters the metadata");
            assertEquals("http://www.openarchives.org/OAI/2.0/oai_dc/", chain.get(0).metadataNamespace());
            assertEquals("oai:catmandu.example.org:item-01", chain.get(0).identifier());
            assertEquals(org.dhakira.store.RecordStore.Status.DELETED, archive.store().status(mapped.get("oai:catmandu.example.org:item-11").id()).orElseThrow());

            try (org.dhakira.server.ArchiveServer server = org.dhakira.server.ArchiveServer.start(archive)) {
                java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        URI.create(server.uri() + "oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:archive.test:" + item.path())).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                org.dhakira.oai.OaiSchemas.assertValid(r.body());
                assertTrue(r.body().contains("altered=\"true\""), r.body());
                assertTrue(r.body().contains("<identifier>oai:catmandu.example.org:item-01</identifier>"), r.body());
            }
            org.dhakira.harvest.PeerState.Outcome again = archive.harvester().harvest(peer, org.dhakira.ingest.Progress.NONE);
            assertTrue(again.ok(), () -> "failed: " + again.error());
            assertEquals(0, again.counts().added() + again.counts().updated() + again.counts().deleted(), again.counts().toString());
        }
    }
}
