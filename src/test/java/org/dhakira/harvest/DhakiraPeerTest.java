package org.dhakira.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.dhakira.TestArchives;
import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.dhakira.server.Config;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client against the real thing: a Dhakira archive (the demo records and a withdrawn press statement) on a
 * free port, seven records a page, harvested whole in both of its formats.
 */
class DhakiraPeerTest {
    static final String REPO = "archive.test";
    static final String PREFIX = "oai:" + REPO + ":";

    @TempDir
    static Path dir;

    static Archive archive;
    static ArchiveServer server;
    static URI baseUrl;
    static final Set<String> live = new HashSet<>();
    static final Set<String> deleted = new HashSet<>();
    static final OaiClient CLIENT = OaiClientTest.quick().build();

    @BeforeAll
    static void start() throws Exception {
        Config plain = TestArchives.config(dir);
        archive = Archive.open(new Config(plain.host(), plain.port(), plain.data(), plain.base(), plain.home(),
                new Config.Oai("ذاكرة", Optional.of(REPO), Optional.empty(), 7, Config.Oai.DEFAULTS.license())));
        archive.loadDemoIfEmpty();
        TestArchives.load(archive.store(), TestArchives.document("withdrawn", "") + "\n");
        // Markup, entities, CDATA's end, quotes and bidirectional marks, which the rdf format must carry as text.
        TestArchives.load(archive.store(), TestArchives.document("hostile", "\"summary\":{\"en\":\"<script>alert('x')</script> &amp; ]]> \\\"q\\\"\","
                + "\"ar\":\"\u200fبيان\u200f <b>عريض</b> & \u202bمضمن\u202c\\r\\nسطر\"}") + "\n");
        TestArchives.load(archive.store(), "{\"id\":\"document/withdrawn\",\"kind\":\"document\",\"deleted\":true}\n");
        server = ArchiveServer.start(archive);
        baseUrl = URI.create(server.uri() + "oai");
        archive.store().read(dsg -> {
            dsg.listGraphNodes().forEachRemaining(g -> RecordId.fromIri(TestArchives.BASE, g.getURI()).ifPresent(id ->
                    (archive.store().status(id).orElseThrow() == RecordStore.Status.LIVE ? live : deleted).add(PREFIX + id.path())));
            return null;
        });
    }

    @AfterAll
    static void stop() {
        server.close();
        archive.close();
    }

    @Test
    void identifyIsReadFromAPeerDhakira() {
        Identity peer = CLIENT.identify(baseUrl);
        assertEquals("ذاكرة", peer.repositoryName());
        assertEquals(Granularity.SECOND, peer.granularity());
        assertEquals(DeletedRecord.PERSISTENT, peer.deletedRecord());
        assertEquals(URI.create(TestArchives.BASE + "oai"), peer.baseUrl(), "as the peer names itself");
        assertTrue(peer.earliestDatestamp().isBefore(Instant.now()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"oai_dc", "rdf"})
    void aWholeHarvestBringsEveryRecordOnceTombstonesIncluded(String prefix) {
        Identity peer = CLIENT.identify(baseUrl);
        Harvest harvest = CLIENT.harvest(baseUrl, Selection.all(prefix), peer.granularity());
        List<HarvestedRecord> records = new ArrayList<>();
        harvest.forEachRemaining(page -> records.addAll(page.records()));
        assertTrue(harvest.pages() > 2, "several pages: " + harvest.pages());

        Map<String, Integer> times = new HashMap<>();
        records.forEach(r -> times.merge(r.header().identifier(), 1, Integer::sum));
        assertEquals(List.of(), times.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList(), "no record twice");
        Set<String> expected = new HashSet<>(live);
        expected.addAll(deleted);
        assertEquals(expected, times.keySet(), "every record");
        assertFalse(deleted.isEmpty());
        for (HarvestedRecord r : records) {
            String id = r.header().identifier();
            assertEquals(deleted.contains(id), r.header().deleted(), id);
            assertEquals(deleted.contains(id), r.metadata().isEmpty(), id + ": metadata exactly when live");
            assertFalse(r.header().setSpecs().isEmpty(), id + " is in its kind's set at least");
        }
    }

    @Test
    void rdfMetadataIsTheStoredGraph() {
        List<HarvestedRecord> records = new ArrayList<>();
        CLIENT.harvest(baseUrl, Selection.all("rdf"), Granularity.SECOND).forEachRemaining(p -> records.addAll(p.records()));
        int compared = 0;
        for (HarvestedRecord r : records) {
            if (r.header().deleted()) continue;
            Graph got = RDFParser.fromString(r.metadata().orElseThrow(), Lang.RDFXML).toGraph();
            RecordId id = RecordId.parse(r.header().identifier().substring(PREFIX.length()));
            Graph stored = archive.store().find(id).orElseThrow().graph();
            assertTrue(got.isIsomorphicWith(stored), r.header().identifier() + ": lossless");
            compared++;
        }
        assertEquals(live.size(), compared);
    }

    @Test
    void aSetAndAFromAreSentAsThePeerWantsThem() {
        List<String> documents = new ArrayList<>();
        CLIENT.harvest(baseUrl, new Selection("oai_dc", Optional.of("kind:document"), Optional.of(Instant.EPOCH)), Granularity.SECOND)
                .forEachRemaining(p -> p.records().forEach(r -> documents.add(r.header().identifier())));
        assertTrue(documents.stream().allMatch(i -> i.startsWith(PREFIX + "document/")), documents.toString());
        assertTrue(documents.containsAll(deleted));

        Harvest none = CLIENT.harvest(baseUrl, new Selection("oai_dc", Optional.empty(), Optional.of(Instant.parse("2090-01-01T00:00:00Z"))),
                Granularity.SECOND);
        Page empty = none.next();
        assertEquals(List.of(), empty.records(), "noRecordsMatch: nothing changed since");
        assertFalse(none.hasNext());
    }
}
