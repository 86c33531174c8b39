package org.dhakira.harvest.crosswalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.dhakira.TestArchives;
import org.dhakira.harvest.HarvestedRecord;
import org.dhakira.harvest.RecordHeader;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;
import org.dhakira.vocab.DataFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped oai_dc crosswalk on small records, against golden Turtle in {@code harvest/crosswalk/}, with names
 * matched against a real store's organisations and persons.
 */
class DublinCoreTest {
    static final String BASE = TestArchives.BASE;
    static final DublinCore CROSSWALK = DublinCore.load(DataFiles.builtIn(), TestArchives.VOCABULARY);

    @TempDir
    static Path dir;
    static RecordStore store;
    static NameIndex names;

    @BeforeAll
    static void archiveWithNames() throws Exception {
        store = TestArchives.store(dir.resolve("store"));
        TestArchives.load(store, resource("names.jsonl"));
        names = NameIndex.of(store);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = DublinCoreTest.class.getResourceAsStream("/harvest/crosswalk/" + name)) {
            if (in == null) throw new IllegalStateException("no test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static HarvestedRecord harvested(String local, String metadata) {
        return new HarvestedRecord(new RecordHeader("oai:peer.example.org:" + local, Instant.parse("2024-01-01T00:00:00Z"), false, List.of()),
                Optional.of(metadata), List.of());
    }

    static Mapping map(String local, String metadata) {
        return CROSSWALK.map("peer", BASE, names, harvested(local, metadata));
    }

    static String dc(String elements) {
        return "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + elements + "</oai_dc:dc>";
    }

    @ParameterizedTest
    @ValueSource(strings = {"arabic", "english", "mixed", "hostile"})
    void mapsToTheGoldenGraph(String name) throws IOException {
        Mapping m = map(name, resource(name + ".xml"));
        Mapping.Mapped mapped = assertInstanceOf(Mapping.Mapped.class, m, () -> "refused: " + m);
        assertEquals(new RecordId(org.dhakira.vocab.Kind.DOCUMENT, "peer~" + name), mapped.id());
        Graph golden = GraphFactory.createDefaultGraph();
        RDFParser.fromString(resource(name + ".ttl"), Lang.TURTLE).parse(golden);
        assertTrue(golden.isIsomorphicWith(mapped.graph()), () -> name + ": the mapped graph differs from " + name + ".ttl:\n" + turtle(mapped.graph()));
    }

    static String turtle(Graph g) {
        StringWriter out = new StringWriter();
        RDFDataMgr.write(out, g, Lang.TURTLE);
        return out.toString();
    }

    @Test
    void saysWhatItLeftOut() throws IOException {
        Mapping.Mapped mixed = (Mapping.Mapped) map("mixed", resource("mixed.xml"));
        assertEquals(List.of(
                new Problem("dc:date", "'2017' not kept: 2017-02-25 says the day"),
                new Problem("dc:type", "'Leaflet' not kept: a document has one type, and report came first"),
                new Problem("dc:language", "several languages (ar, en): which one is the original is not known; not kept")), mixed.notes());
        Mapping.Mapped english = (Mapping.Mapped) map("english", resource("english.xml"));
        assertEquals(List.of(
                new Problem("dc:date", "'2016-03' is not a whole day: kept as dcterms:issued, not as the date of issue"),
                new Problem("dc:type", "'Communiqué officiel' has no mapping in harvest/crosswalks/oai_dc.json; not kept")), english.notes());
        Mapping.Mapped hostile = (Mapping.Mapped) map("hostile", resource("hostile.xml"));
        assertEquals(List.of(new Problem("dc:date", "'07/02/2017' could be day/month or month/day; write it as YYYY-MM-DD; not kept")), hostile.notes());
    }

    @Test
    void aRecordWithoutTitleIsRefusedByTheArchivesOwnValidation() {
        Mapping m = map("untitled", dc("<dc:title>  </dc:title><dc:type>Report</dc:type><dc:date>2017-02-07</dc:date>"));
        Mapping.Refused refused = assertInstanceOf(Mapping.Refused.class, m);
        assertEquals(List.of(new Problem("title", "a document needs a title in at least one language")), refused.problems());
        assertEquals("document/peer~untitled", refused.id().path());
    }

    @Test
    void aRecordWhoseOnlyTypeIsUnmappedIsRefusedAndToldWhy() {
        Mapping.Refused refused = assertInstanceOf(Mapping.Refused.class, map("poster", dc("<dc:title>Poster</dc:title><dc:type>Text</dc:type><dc:type>Poster</dc:type>")));
        assertEquals(List.of(new Problem("type", "a document needs a document type"),
                new Problem("dc:type", "'Poster' has no mapping in harvest/crosswalks/oai_dc.json; not kept")), refused.problems());
    }

    @Test
    void anUnmappedTypeTakesTheCrosswalksDefaultWhenItHasOne() {
        DcRules shipped = DcRules.load(DataFiles.builtIn(), TestArchives.VOCABULARY);
        DcRules lenient = new DcRules(shipped.elements(), shipped.reliability(), shipped.types(), shipped.genericTypes(),
                Optional.of(org.dhakira.vocab.Vocabulary.documentType("statement")), shipped.languages());
        Mapping m = new DublinCore(lenient, TestArchives.VOCABULARY).map("peer", BASE, names, harvested("poster", dc("<dc:title>Poster</dc:title><dc:type>Poster</dc:type>")));
        Mapping.Mapped mapped = assertInstanceOf(Mapping.Mapped.class, m, m::toString);
        assertTrue(mapped.graph().contains(org.apache.jena.graph.Node.ANY, org.dhakira.vocab.Arch.documentType,
                org.dhakira.vocab.Vocabulary.documentType("statement")));
    }

    @Test
    void aDeletedRecordIsWithdrawnUnderTheSameLocalId() {
        HarvestedRecord deleted = new HarvestedRecord(new RecordHeader("oai:peer.example.org:arabic", Instant.EPOCH, true, List.of()), Optional.empty(), List.of());
        assertEquals(new Mapping.Withdrawn(HarvestedIds.mint("peer", "oai:peer.example.org:arabic")), CROSSWALK.map("peer", BASE, names, deleted));
    }

    @Test
    void metadataThatIsNotOaiDcIsRefused() {
        Mapping.Refused r = assertInstanceOf(Mapping.Refused.class, map("mods", "<mods xmlns=\"http://www.loc.gov/mods/v3\"><titleInfo/></mods>"));
        assertEquals("the metadata is <{http://www.loc.gov/mods/v3}mods>, not <oai_dc:dc>", r.problems().get(0).reason());
    }

    @Test
    void aDoctypeInTheMetadataIsRefusedUnread() {
        String xxe = "<!DOCTYPE dc [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + dc("<dc:title>&x;</dc:title>");
        Mapping.Refused r = assertInstanceOf(Mapping.Refused.class, map("xxe", xxe));
        assertTrue(r.problems().get(0).reason().contains("DOCTYPE"), r::toString);
    }

    @Test
    void aCreatorMatchedAsAPersonIsTheIssuer() {
        Mapping.Mapped m = (Mapping.Mapped) map("hijab", dc("<dc:title>كلمة</dc:title><dc:type>Statement</dc:type><dc:creator>رياض حجاب</dc:creator>"));
        assertTrue(m.graph().contains(org.apache.jena.graph.Node.ANY, org.dhakira.vocab.Arch.issuer,
                org.apache.jena.graph.NodeFactory.createURI(BASE + "id/person/riad-hijab")));
    }
}
