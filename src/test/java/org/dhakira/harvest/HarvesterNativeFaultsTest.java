package org.dhakira.harvest;

import static org.dhakira.harvest.HarvesterFaultsTest.IDENTIFY;
import static org.dhakira.harvest.HarvesterFaultsTest.assertOk;
import static org.dhakira.harvest.HarvesterFaultsTest.page;
import static org.dhakira.harvest.HarvesterFaultsTest.resume;
import static org.dhakira.harvest.HarvesterFaultsTest.token;
import static org.dhakira.harvest.StubPeer.file;
import static org.dhakira.harvest.StubPeer.status;
import static org.dhakira.harvest.StubPeer.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dhakira.TestArchives;
import org.dhakira.ingest.Progress;
import org.dhakira.provenance.Provenance;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;
import org.dhakira.store.StoredRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harvester against a stub peer Dhakira in {@code rdf} (responses recorded from a real one at
 * {@code http://a.test/}): {@link NativeCopy} keeps the peer's URIs under the name of their origin, across a
 * resume, and makes a deletion the tombstone of the record held here from that peer under that identifier.
 */
class HarvesterNativeFaultsTest {

    @TempDir
    Path dir;
    RecordStore store;
    StubPeer stub;
    Harvester harvester;

    @BeforeEach
    void start() throws Exception {
        store = TestArchives.store(dir.resolve("store"));
        stub = new StubPeer();
        harvester = new Harvester(store, OaiClientTest.quick().build(), Optional.empty(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        stub.close();
        store.close();
    }

    long changes() {
        return store.position().sequence();
    }

    static final String RDF_FIRST = "verb=ListRecords&metadataPrefix=rdf";

    /** A live record of the recorded peer Dhakira at http://a.test/, under {@code key}. */
    static String rdfRecord(String key, String datestamp) {
        return StubPeer.recorded("dhakira-record.xml").strip().replace("KEY", key).replace("DATESTAMP", datestamp);
    }

    static String rdfDeleted(String localPart) {
        return "<record><header status=\"deleted\"><identifier>oai:a.test:" + localPart + "</identifier>"
                + "<datestamp>2026-12-01T09:11:22Z</datestamp><setSpec>kind:document</setSpec></header></record>";
    }

    Peer rdfPeer() {
        stub.on(IDENTIFY, file("dhakira-identify.xml"));
        return new Peer("a", "الأرشيف أ", "Archive A", stub.baseUrl(), "rdf", List.of(), Duration.ofHours(1), true);
    }

    @Test
    void aPeerDhakirasRecordsKeepTheirUrisAndAreTakenOnceAcrossAResume() {
        Peer a = rdfPeer();
        stub.on(RDF_FIRST, xml(page(token("t1"), rdfRecord("one", "2026-12-01T09:11:21Z"))))
                .on(resume("t1"), status(500, Map.of()));
        PeerState.Outcome failed = harvester.harvest(a, Progress.NONE);
        assertFalse(failed.ok());
        assertTrue(failed.error().orElseThrow().contains("500"), failed.error().orElseThrow());
        stub.on(resume("t1"), xml(page("", rdfRecord("two", "2026-12-01T09:11:22Z"))));
        PeerState.Outcome o = harvester.harvest(a, Progress.NONE);
        assertOk(o);
        assertEquals(2, o.counts().added());
        assertEquals("http://a.test/id/document/one", store.uris().iri(new RecordId(org.dhakira.vocab.Kind.DOCUMENT, "a~one")));
        assertEquals(RecordStore.Status.LIVE, store.status(new RecordId(org.dhakira.vocab.Kind.DOCUMENT, "a~two")).orElseThrow());
        assertEquals(2, changes());
    }

    @Test
    void aPeerDhakirasDeletionOfARecordHeldFromItIsATombstoneAndOfOneNeverHeldNothing() {
        Peer a = rdfPeer();
        stub.on(RDF_FIRST, xml(page("", rdfRecord("kept", "2026-12-01T09:11:21Z"))));
        assertOk(harvester.harvest(a, Progress.NONE));
        // Deletions carry no URI: the one of a record held here is found by the identifier its provenance keeps.
        stub.on(RDF_FIRST + "&from=2026-12-01T09:06:23Z", xml(page("", rdfDeleted("document/kept"), rdfDeleted("document/never"))));
        PeerState.Outcome o = harvester.harvest(a, Progress.NONE);
        assertOk(o);
        assertEquals(1, o.counts().deleted(), () -> o.counts().toString());
        assertEquals(1, o.counts().unchanged(), "a deletion of a record never held here leaves nothing");
        StoredRecord gone = store.find(new RecordId(org.dhakira.vocab.Kind.DOCUMENT, "a~kept")).orElseThrow();
        assertTrue(gone.deleted());
        assertTrue(gone.formerTerms().contains(Provenance.agent(store.base(), "a")), "in source:a: " + gone.formerTerms());
        assertEquals("http://a.test/id/document/kept", store.uris().iri(gone.id()), "under the peer's own URI");
        assertTrue(store.find(new RecordId(org.dhakira.vocab.Kind.DOCUMENT, "a~never")).isEmpty());
    }

    @Test
    void aDeletionFromAnotherPeerThanTheOneARecordCameFromLeavesIt() throws Exception {
        Peer a = rdfPeer();
        stub.on(RDF_FIRST, xml(page("", rdfRecord("kept", "2026-12-01T09:11:21Z"))));
        assertOk(harvester.harvest(a, Progress.NONE));
        try (StubPeer other = new StubPeer()) {
            other.on(IDENTIFY, file("dhakira-identify.xml"));
            other.on(RDF_FIRST, xml(page("", rdfDeleted("document/kept"))));
            Peer b = new Peer("b", "ب", "B", other.baseUrl(), "rdf", List.of(), Duration.ofHours(1), true);
            PeerState.Outcome o = harvester.harvest(b, Progress.NONE);
            assertOk(o);
            assertEquals(0, o.counts().deleted(), "B never gave it: " + o.counts());
        }
        assertEquals(RecordStore.Status.LIVE, store.status(new RecordId(org.dhakira.vocab.Kind.DOCUMENT, "a~kept")).orElseThrow());
    }

    @Test
    void aThingWhoseUriIsNotOnTheWebIsNotTaken() {
        Peer a = rdfPeer();
        stub.on(RDF_FIRST, xml(page("", rdfRecord("x", "2026-12-01T09:11:21Z").replace("http://a.test/id/", "javascript:alert(1)//id/"))));
        PeerState.Outcome o = harvester.harvest(a, Progress.NONE);
        assertOk(o);
        assertEquals(0, o.counts().added());
        assertEquals(1, o.counts().failed(), "a script where a URI should be, which a page would link: " + o.counts());
        assertEquals(0, changes());
    }
}
