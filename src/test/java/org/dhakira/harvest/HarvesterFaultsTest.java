package org.dhakira.harvest;

import static org.dhakira.harvest.StubPeer.file;
import static org.dhakira.harvest.StubPeer.status;
import static org.dhakira.harvest.StubPeer.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.dhakira.TestArchives;
import org.dhakira.harvest.crosswalk.DublinCore;
import org.dhakira.harvest.crosswalk.HarvestedIds;
import org.dhakira.harvest.crosswalk.OaiDcCrosswalk;
import org.dhakira.ingest.Progress;
import org.dhakira.provenance.Origin;
import org.dhakira.provenance.Provenance;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;
import org.dhakira.store.StoredRecord;
import org.dhakira.vocab.DataFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harvester, store side, against a stub peer with every quirk and fault of issue #8: what an operator would
 * check after each run — the outcome and its error, the counts, the state the next run starts from, and the store
 * (which records are there, nothing half-written, no change counted twice). Each test has its own store and peer.
 */
class HarvesterFaultsTest {
    static final String FIRST = "verb=ListRecords&metadataPrefix=oai_dc";
    static final String IDENTIFY = "verb=Identify";
    static final String RESPONSE_DATE = "2026-11-30T10:00:00Z";

    @TempDir
    Path dir;
    RecordStore store;
    StubPeer stub;
    Harvester harvester;
    Peer peer;

    @BeforeEach
    void start() throws Exception {
        store = TestArchives.store(dir.resolve("store"));
        stub = new StubPeer();
        harvester = new Harvester(store, OaiClientTest.quick().build(),
                Optional.of(new OaiDcCrosswalk(DublinCore.load(DataFiles.builtIn(), TestArchives.VOCABULARY))), Clock.systemUTC());
        peer = new Peer("stub", "الشريك التجريبي", "Stub peer", stub.baseUrl(), "oai_dc", List.of(), Duration.ofHours(1), true);
        stub.on(IDENTIFY, xml(identify("YYYY-MM-DD", RESPONSE_DATE)));
    }

    @AfterEach
    void stop() {
        stub.close();
        store.close();
    }

    // The peer's responses, small and hand-written

    static String identify(String granularity, String responseDate) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">"
                + "<responseDate>" + responseDate + "</responseDate><request verb=\"Identify\">http://peer.example.org/oai</request>"
                + "<Identify><repositoryName>Stub</repositoryName><baseURL>http://peer.example.org/oai</baseURL><protocolVersion>2.0</protocolVersion>"
                + "<adminEmail>a@peer.example.org</adminEmail><earliestDatestamp>2009-03-01</earliestDatestamp>"
                + "<deletedRecord>persistent</deletedRecord><granularity>" + granularity + "</granularity></Identify></OAI-PMH>";
    }

    /** A ListRecords page; {@code token} is the whole token element, or "" on a last page without one. */
    static String page(String token, String... records) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">"
                + "<responseDate>" + RESPONSE_DATE + "</responseDate><request verb=\"ListRecords\">http://peer.example.org/oai</request>"
                + "<ListRecords>" + String.join("", records) + token + "</ListRecords></OAI-PMH>";
    }

    static String token(String value) {
        return "<resumptionToken>" + value + "</resumptionToken>";
    }

    static String record(String local, String datestamp, String title) {
        return "<record><header><identifier>oai:peer.example.org:" + local + "</identifier><datestamp>" + datestamp + "</datestamp></header>"
                + "<metadata><oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<dc:title xml:lang=\"en\">" + title + "</dc:title><dc:type>Report</dc:type><dc:date>2017-02-07</dc:date>"
                + "</oai_dc:dc></metadata></record>";
    }

    static String record(String local, String title) {
        return record(local, "2020-01-02T10:11:12Z", title);
    }

    static String deleted(String local) {
        return "<record><header status=\"deleted\"><identifier>oai:peer.example.org:" + local + "</identifier>"
                + "<datestamp>2020-02-01T00:00:00Z</datestamp></header></record>";
    }

    static String resume(String token) {
        return "verb=ListRecords&resumptionToken=" + token;
    }

    // What the operator checks

    RecordId id(String local) {
        return HarvestedIds.mint(peer.id(), "oai:peer.example.org:" + local);
    }

    /** The peer's records held here, live or tombstones, by local part. */
    Set<String> held() {
        Set<String> keys = new TreeSet<>();
        for (RecordId id : store.changedSince(0)) keys.add(id.key().substring((peer.id() + "~").length()));
        return keys;
    }

    Set<String> live() {
        Set<String> keys = new TreeSet<>();
        for (RecordId id : store.changedSince(0)) {
            if (store.status(id).orElseThrow() == RecordStore.Status.LIVE) keys.add(id.key().substring((peer.id() + "~").length()));
        }
        return keys;
    }

    /** Every change the store made: a record written twice would count twice. */
    long changes() {
        return store.position().sequence();
    }

    PeerState.Outcome harvest() {
        return harvester.harvest(peer, Progress.NONE);
    }

    static void assertOk(PeerState.Outcome o) {
        assertTrue(o.ok(), () -> "the harvest failed: " + o.error());
        assertEquals(Optional.empty(), o.error());
    }

    static void assertFailedWith(PeerState.Outcome o, String named) {
        assertFalse(o.ok(), "the harvest should have failed");
        assertTrue(o.error().orElse("").contains(named), () -> "the error should name " + named + ": " + o.error());
    }

    // Faults: the network and the peer's server

    @Test
    void a503WithRetryAfterIsWaitedOutAndTheHarvestEndsWell() {
        stub.on(FIRST, status(503, Map.of("Retry-After", "1")), xml(page("", record("1", "One"), record("2", "Two"))));
        PeerState.Outcome o = harvest();
        assertOk(o);
        assertEquals(2, o.counts().added());
        assertEquals(2, stub.count(FIRST), "asked again after the wait");
        assertEquals(Set.of("1", "2"), live());
        assertEquals(2, changes());
    }

    @Test
    void aConnectionDroppedMidPageIsTriedAgainAndNothingIsDoubled() {
        String whole = page(token("t1"), record("1", "One"), record("2", "Two"));
        stub.on(FIRST, ex -> {
            byte[] body = whole.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body, 0, body.length / 2);
            ex.getResponseBody().flush();
            throw new java.io.IOException("dropped on purpose");
        }, xml(whole));
        stub.on(resume("t1"), xml(page("", record("3", "Three"))));
        PeerState.Outcome o = harvest();
        assertOk(o);
        assertEquals(3, o.counts().added());
        assertEquals(2, stub.count(FIRST));
        assertEquals(Set.of("1", "2", "3"), live());
        assertEquals(3, changes());
    }

    @Test
    void aTruncatedPageFailsTheRunWhichTheNextResumesFromTheLastCommittedPage() {
        String second = page(token("t2"), record("3", "Three"), record("4", "Four"));
        stub.on(FIRST, xml(page(token("t1"), record("1", "One"), record("2", "Two"))))
                .on(resume("t1"), xml(second.substring(0, second.length() / 2)));
        PeerState.Outcome failed = harvest();
        assertFailedWith(failed, "unreadable response");
        assertTrue(failed.error().get().contains("resumptionToken=t1"), "names the page: " + failed.error().get());
        assertEquals(2, failed.counts().added(), "the pages before are counted");
        assertEquals(Set.of("1", "2"), live(), "the page before is committed, nothing of the truncated one");
        assertEquals(2, changes());
        PeerState state = harvester.state(peer.id());
        assertEquals(Optional.of("t1"), state.run().flatMap(PeerState.Run::token), "kept for the next run to resume");
        assertEquals(Optional.empty(), state.lastSuccessStart());
        assertFalse(state.last().orElseThrow().ok());

        stub.on(resume("t1"), xml(second)).on(resume("t2"), xml(page("<resumptionToken completeListSize=\"5\"/>", record("5", "Five"))));
        PeerState.Outcome resumed = harvest();
        assertOk(resumed);
        assertEquals(1, stub.count(FIRST), "resumed, not started again");
        assertEquals(5, resumed.counts().added(), "the run's counts, the first attempt's pages included");
        assertEquals(Set.of("1", "2", "3", "4", "5"), live());
        assertEquals(5, changes(), "every record exactly once");
        assertEquals(Optional.empty(), harvester.state(peer.id()).run());
        assertEquals(Optional.of(Instant.parse(RESPONSE_DATE)), harvester.state(peer.id()).lastSuccessStart());
    }

    // Faults: hostile XML

    @Test
    void anExternalEntityInAPageFailsTheRunFetchingNothing() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE OAI-PMH [ <!ENTITY x SYSTEM \"" + stub.baseUrl().resolve("/secret") + "\"> ]>\n"
                + page("", record("3", "&x;")).substring("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".length());
        stub.on(FIRST, xml(page(token("t1"), record("1", "One")))).on(resume("t1"), xml(xxe));
        PeerState.Outcome o = harvest();
        assertFailedWith(o, "DOCTYPE");
        assertEquals(Set.of("1"), live(), "nothing from that page");
        assertEquals(1, changes());
        assertFalse(stub.requests.contains("/secret"), "the entity was never fetched: " + stub.requests);
        assertEquals(Optional.of("t1"), harvester.state(peer.id()).run().flatMap(PeerState.Run::token));
    }

    @Test
    void aBillionLaughsPageFailsTheRunAndWritesNothing() {
        stub.on(FIRST, file("billion-laughs.xml"));
        PeerState.Outcome o = harvest();
        assertFailedWith(o, "DOCTYPE");
        assertEquals(Set.of(), held());
        assertEquals(0, changes());
    }

    // Faults: a peer's tokens

    @Test
    void aTokenLoopFailsTheRunAndTheNextStartsAfresh() {
        stub.on(FIRST, xml(page(token("t1"), record("1", "One"))))
                .on(resume("t1"), xml(page(token("t2"), record("2", "Two"))))
                .on(resume("t2"), xml(page(token("t1"), record("1", "One"))));
        PeerState.Outcome o = harvest();
        assertFailedWith(o, "t1");
        assertTrue(o.error().get().contains("loop") || o.error().get().contains("again"), o.error().get());
        assertEquals(Set.of("1", "2"), live());
        assertEquals(2, changes());
        assertEquals(Optional.empty(), harvester.state(peer.id()).run(), "a loop is not resumed");

        harvest();
        assertEquals(2, stub.count(FIRST), "the next run starts afresh");
        assertEquals(2, changes(), "and writes nothing twice");
    }

    @Test
    void aBadResumptionTokenMidHarvestRestartsTheListOnceAndTakesEveryRecordOnce() {
        stub.on(FIRST, xml(page(token("t1"), record("1", "One"), record("2", "Two"))))
                .on(resume("t1"), file("bad-resumption-token.xml"), xml(page("", record("3", "Three"))));
        PeerState.Outcome o = harvest();
        assertOk(o);
        assertEquals(2, stub.count(FIRST), "the list asked again from its start");
        assertEquals(3, o.counts().added());
        assertEquals(0, o.counts().updated());
        assertEquals(Set.of("1", "2", "3"), live());
        assertEquals(3, changes(), "every record once");
    }

    @Test
    void aBadResumptionTokenAgainAfterTheRestartFailsTheRunNamingIt() {
        stub.on(FIRST, xml(page(token("t1"), record("1", "One"))))
                .on(resume("t1"), file("bad-resumption-token.xml"));
        PeerState.Outcome o = harvest();
        assertFailedWith(o, "badResumptionToken");
        assertEquals(2, stub.count(FIRST), "restarted once, not for ever");
        assertEquals(1, changes());
    }

    // Quirks real providers have

    @Test
    void theRecordedQuirksAreTaken() {
        // Opaque token, no cursor or completeListSize, <request> attributes out of order, a deletion of a record never
        // held, a live record without metadata; then an empty token element with attributes and junk after the root.
        stub.on("verb=ListRecords&metadataPrefix=oai_dc", file("page-1.xml")).on(resume("a+b/c=|x y"), file("page-2.xml"));
        PeerState.Outcome o = harvest();
        assertOk(o);
        assertEquals(1, stub.count(resume("a+b/c=|x y")), "the opaque token went back intact");
        assertEquals(4, o.counts().seen(), () -> "every record accounted for: " + o.counts());
        assertEquals(1, o.counts().deleted(), "a deletion of a record never held is a tombstone all the same");
        assertTrue(o.counts().failures().stream().anyMatch(f -> f.identifier().equals("oai:peer.example.org:3") && f.reason().contains("without metadata")),
                () -> "a record without metadata is not taken, and says why: " + o.counts().failures());
        assertEquals(Optional.empty(), harvester.state(peer.id()).run(), "the empty token element ended the list");
    }

    @Test
    void aRecordWithoutMetadataIsCountedAndTheHarvestGoesOn() {
        String bare = "<record><header><identifier>oai:peer.example.org:2</identifier><datestamp>2020-01-02</datestamp></header></record>";
        stub.on(FIRST, xml(page(token("t1"), record("1", "One"), bare))).on(resume("t1"), xml(page("", record("3", "Three"))));
        PeerState.Outcome o = harvest();
        assertOk(o);
        assertEquals(2, o.counts().added());
        assertEquals(1, o.counts().failed());
        assertEquals("oai:peer.example.org:2", o.counts().failures().get(0).identifier());
        assertEquals(Set.of("1", "3"), live());
    }

    @Test
    void requestAttributesInAnyOrderAndJunkAfterTheRootAreForgiven() {
        String quirky = page("<resumptionToken expirationDate=\"2099-01-01T00:00:00Z\" cursor=\"0\"></resumptionToken>", record("1", "One"))
                .replace("<request verb=\"ListRecords\">", "<request metadataPrefix=\"oai_dc\" verb=\"ListRecords\" from=\"\">")
                + "\n<!-- proxy --></html> & <junk";
        stub.on(FIRST, xml(quirky));
        PeerState.Outcome o = harvest();
        assertOk(o);
        assertEquals(Set.of("1"), live());
    }

    @Test
    void dayDatestampsFromAPeerPromisingSecondsAndSecondsFromADayPeerAreTakenAndMetAgainAsUnchanged() {
        stub.on(IDENTIFY, xml(identify("YYYY-MM-DDThh:mm:ssZ", RESPONSE_DATE)));
        stub.on(FIRST, xml(page("", record("1", "2020-01-02", "One"), record("2", "2020-01-03T04:05:06Z", "Two"))));
        assertOk(harvest());
        Origin first = Provenance.chain(store.find(id("1")).orElseThrow().graph(), thing(id("1"))).get(0);
        assertEquals(Instant.parse("2020-01-02T00:00:00Z"), first.datestamp(), "the peer's datestamp kept as it meant it");

        stub.on(IDENTIFY, xml(identify("YYYY-MM-DD", "2026-12-01T10:00:00Z")));
        stub.on(FIRST + "&from=2026-11-30", xml(page("", record("1", "2020-01-02", "One"), record("2", "2020-01-03T04:05:06Z", "Two"))));
        PeerState.Outcome again = harvest();
        assertOk(again);
        assertEquals(2, again.counts().unchanged(), () -> "the same versions: " + again.counts());
        assertEquals(2, changes());
    }

    org.apache.jena.graph.Node thing(RecordId id) {
        return org.apache.jena.graph.NodeFactory.createURI(store.uris().iri(id));
    }

    @Test
    void noRecordsMatchForAnEmptyIncrementIsOkChangesNothingAndMovesTheStartOn() {
        stub.on(FIRST, xml(page("", record("1", "One"))));
        assertOk(harvest());
        long before = changes();
        stub.on(IDENTIFY, xml(identify("YYYY-MM-DD", "2026-12-01T10:00:00Z")));
        stub.on(FIRST + "&from=2026-11-30", file("no-records-match.xml"));
        PeerState.Outcome o = harvest();
        assertOk(o);
        assertEquals(0, o.counts().seen());
        assertEquals(before, changes());
        assertEquals(Optional.of(Instant.parse("2026-12-01T10:00:00Z")), harvester.state(peer.id()).lastSuccessStart());
    }

    // Incremental, in the peer's granularity

    @Test
    void aDayPeerIsAskedFromTheDay() {
        stub.on(FIRST, xml(page("", record("1", "One"))));
        assertOk(harvest());
        stub.on(FIRST + "&from=2026-11-30", file("no-records-match.xml"));
        assertOk(harvest());
        assertEquals(1, stub.count(FIRST + "&from=2026-11-30"), () -> "asked: " + stub.requests);
    }

    @Test
    void aSecondPeerIsAskedFromTheSecond() {
        stub.on(IDENTIFY, xml(identify("YYYY-MM-DDThh:mm:ssZ", RESPONSE_DATE)));
        stub.on(FIRST, xml(page("", record("1", "One"))));
        assertOk(harvest());
        // Five minutes before the last start, as a peer commits a record a moment after it stamps it.
        stub.on(FIRST + "&from=2026-11-30T09:55:00Z", file("no-records-match.xml"));
        assertOk(harvest());
        assertEquals(1, stub.count(FIRST + "&from=2026-11-30T09:55:00Z"), () -> "asked: " + stub.requests);
    }

    // Mapping

    @Test
    void aRecordTheCrosswalkRefusesIsListedAndTheRestOfThePageIsWritten() {
        String untitled = record("2", "  ");
        stub.on(FIRST, xml(page("", record("1", "One"), untitled, record("3", "Three"))));
        PeerState.Outcome o = harvest();
        assertOk(o);
        assertEquals(2, o.counts().added());
        assertEquals(1, o.counts().failed());
        PeerState.Failure f = o.counts().failures().get(0);
        assertEquals("oai:peer.example.org:2", f.identifier());
        assertTrue(f.reason().contains("title"), f.reason());
        assertEquals(Set.of("1", "3"), live());
        assertEquals(o.counts(), harvester.state(peer.id()).last().orElseThrow().counts(), "kept for the harvest page");
    }

    // Deletions

    @Test
    void aDeletionOfARecordHeldHereLeavesATombstone() {
        stub.on(FIRST, xml(page("", record("1", "One"), record("2", "Two"))));
        assertOk(harvest());
        stub.on(FIRST + "&from=2026-11-30", xml(page("", deleted("1"))));
        PeerState.Outcome o = harvest();
        assertOk(o);
        assertEquals(1, o.counts().deleted());
        StoredRecord gone = store.find(id("1")).orElseThrow();
        assertTrue(gone.deleted());
        assertTrue(gone.formerTerms().contains(Provenance.agent(store.base(), peer.id())), "still in source:stub: " + gone.formerTerms());
        assertEquals(Set.of("2"), live());
        assertEquals(3, changes());
    }

    @Test
    void aDeletionOfARecordNeverHeldIsATombstoneAttributedToThePeer() {
        stub.on(FIRST, xml(page("", deleted("9"))));
        PeerState.Outcome o = harvest();
        assertOk(o);
        assertEquals(1, o.counts().deleted());
        StoredRecord gone = store.find(id("9")).orElseThrow();
        assertTrue(gone.deleted());
        assertTrue(gone.formerTerms().contains(Provenance.agent(store.base(), peer.id())), "in source:stub: " + gone.formerTerms());

        stub.on(FIRST + "&from=2026-11-30", xml(page("", deleted("9"))));
        PeerState.Outcome again = harvest();
        assertEquals(1, again.counts().unchanged(), "deleting what is deleted changes nothing");
        assertEquals(1, changes());
    }

    // Stopped, killed, unreachable

    @Test
    void aPageCutJustBeforeItsTokenIsNotTakenForTheLast() {
        String whole = page(token("t1"), record("1", "One"), record("2", "Two"));
        stub.on(FIRST, xml(whole.substring(0, whole.indexOf("<resumptionToken>"))));
        PeerState.Outcome o = harvest();
        assertFailedWith(o, "unreadable response");
        assertEquals(0, changes(), "the records of a page without its end are not taken");
        assertEquals(Optional.empty(), harvester.state(peer.id()).lastSuccessStart(), "nor is the list taken as harvested");
    }

    /** A list of {@code n} pages of one record each, tokens t1…t{n-1}; the harvester writes ten pages a transaction. */
    private void pagesOfOne(int n) {
        stub.on(FIRST, xml(page(token("t1"), record("1", "One"))));
        for (int i = 2; i <= n; i++) stub.on(resume("t" + (i - 1)), xml(page(i == n ? "" : token("t" + i), record(String.valueOf(i), "Record " + i))));
    }

    private static Set<String> numbered(int from, int to) {
        Set<String> ids = new java.util.HashSet<>();
        for (int i = from; i <= to; i++) ids.add(String.valueOf(i));
        return ids;
    }

    @Test
    void aHarvestStoppedBetweenPagesResumesAfterTheLastPageTaken() {
        pagesOfOne(12);
        int[] commits = {0};
        PeerState.Outcome stopped = harvester.harvest(peer, new Progress() {
            @Override public void start(String what, long total) {}
            @Override public void advance(long n) { commits[0]++; }
            @Override public void end() {}
        }, () -> commits[0] >= 1);
        assertFalse(stopped.ok());
        assertTrue(stopped.error().orElseThrow().contains("stopped"), stopped.error().orElseThrow());
        assertEquals(Optional.of("t10"), harvester.state(peer.id()).run().flatMap(PeerState.Run::token), "after the first ten pages");
        assertEquals(10, changes());

        PeerState.Outcome o = harvest();
        assertOk(o);
        assertEquals(1, stub.count(FIRST));
        assertEquals(1, stub.count(resume("t1")));
        assertEquals(numbered(1, 12), live());
        assertEquals(12, changes());
    }

    @Test
    void aHarvestKilledWhileCommittingAPageResumesWithNothingLostOrDoubled() {
        pagesOfOne(12);
        // The second transaction's commit fails as a crash would end it: the store keeps the first ten pages and their token.
        boolean[] armed = {true};
        int[] commits = {0};
        store.addListener(new org.dhakira.store.ChangeListener() {
            @Override public void changed(org.dhakira.store.Change change, org.dhakira.store.Batch batch) {}
            @Override public void beforeCommit(long lastSequence) {
                if (armed[0] && ++commits[0] == 2) throw new IllegalStateException("killed");
            }
            @Override public void afterCommit(long lastSequence) {}
            @Override public void afterAbort() {}
        });
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, this::harvest);
        assertEquals(numbered(1, 10), live());
        assertEquals(Optional.of("t10"), harvester.state(peer.id()).run().flatMap(PeerState.Run::token));

        armed[0] = false;
        store.close();
        store = TestArchives.store(dir.resolve("store"));
        harvester = new Harvester(store, OaiClientTest.quick().build(),
                Optional.of(new OaiDcCrosswalk(DublinCore.load(DataFiles.builtIn(), TestArchives.VOCABULARY))), Clock.systemUTC());
        PeerState.Outcome o = harvest();
        assertOk(o);
        assertEquals(1, stub.count(FIRST));
        assertEquals(12, o.counts().added(), "the run, resumed, counts all it took");
        assertEquals(2, stub.count(resume("t10")), "the pages after the committed token are asked again, the others not");
        assertEquals(numbered(1, 12), live());
        assertEquals(12, changes());
    }

    @Test
    void aPeerThatDoesNotAnswerFailsTheRunNamingItAndKeepsTheLastSuccess() {
        stub.on(FIRST, xml(page("", record("1", "One"))));
        assertOk(harvest());
        stub.on(IDENTIFY, status(500, Map.of()));
        PeerState.Outcome o = harvest();
        assertFailedWith(o, "500");
        assertEquals(Optional.of(Instant.parse(RESPONSE_DATE)), harvester.state(peer.id()).lastSuccessStart());
        assertEquals(o, harvester.state(peer.id()).last().orElseThrow());
    }

    @Test
    void aPeersSetsAreListedOneAfterAnother() {
        peer = new Peer("stub", "الشريك التجريبي", "Stub peer", stub.baseUrl(), "oai_dc", List.of("letters", "reports"), Duration.ofHours(1), true);
        stub.on(FIRST + "&set=letters", xml(page(token("t1"), record("1", "One"))))
                .on(resume("t1"), xml(page("", record("2", "Two"))))
                .on(FIRST + "&set=reports", xml(page("", record("2", "Two"), record("3", "Three"))));
        PeerState.Outcome o = harvest();
        assertOk(o);
        assertEquals(3, o.counts().added());
        assertEquals(1, o.counts().unchanged(), "a record in both sets is met twice, written once");
        assertEquals(3, changes());
    }

    @Test
    void aRunStoppedInASetThatIsNoLongerConfiguredStartsTheNewListsAfreshWithoutItsToken() {
        peer = new Peer("stub", "الشريك التجريبي", "Stub peer", stub.baseUrl(), "oai_dc", List.of("letters", "reports"), Duration.ofHours(1), true);
        stub.on(FIRST + "&set=letters", xml(page(token("t1"), record("1", "One"))))
                .on(resume("t1"), status(500, Map.of()));
        assertFalse(harvest().ok());
        assertEquals(Optional.of("letters"), harvester.state(peer.id()).run().flatMap(PeerState.Run::set));
        long asked = stub.count(resume("t1"));
        // The operator takes "letters" out: the token was that list's, and is not sent for another.
        peer = new Peer("stub", "الشريك التجريبي", "Stub peer", stub.baseUrl(), "oai_dc", List.of("reports"), Duration.ofHours(1), true);
        stub.on(FIRST + "&set=reports", xml(page("", record("3", "Three"))));
        PeerState.Outcome o = harvest();
        assertOk(o);
        assertEquals(asked, stub.count(resume("t1")), "not asked again after the change");
        assertEquals(Set.of("1", "3"), live());
    }

    @Test
    void aTokenThatExpiredBetweenRunsRestartsTheListFromTheSameFrom() {
        stub.on(FIRST, xml(page(token("t1"), record("1", "One"))))
                .on(resume("t1"), status(500, Map.of()));
        assertFalse(harvest().ok());
        // By the next run the peer has forgotten the token: the list is asked again, and nothing is taken twice.
        stub.on(resume("t1"), file("bad-resumption-token.xml"), xml(page("", record("2", "Two"))));
        PeerState.Outcome o = harvest();
        assertOk(o);
        assertEquals(2, stub.count(FIRST));
        assertEquals(Set.of("1", "2"), live());
        assertEquals(2, changes());
    }

    @Test
    void aRecordThePeerChangedIsUpdatedOnceAndOneItDidNotIsLeftAsItWas() {
        stub.on(FIRST, xml(page("", record("1", "One"), record("2", "Two"))));
        assertOk(harvest());
        stub.on(FIRST + "&from=2026-11-30", xml(page("", record("1", "2026-11-30T12:00:00Z", "One, revised"), record("2", "Two"))));
        PeerState.Outcome o = harvest();
        assertOk(o);
        assertEquals(1, o.counts().updated());
        assertEquals(1, o.counts().unchanged());
        assertEquals(3, changes());
        assertTrue(store.find(id("1")).orElseThrow().graph().find().toList().stream()
                .anyMatch(t -> t.getObject().isLiteral() && t.getObject().getLiteralLexicalForm().equals("One, revised")));
    }

    @Test
    void aPeerInAFormatNoCrosswalkReadsFailsOnTheHarvestPageAskingNothing() {
        Peer marc = new Peer("marc-peer", "مارك", "MARC", stub.baseUrl(), "marc21", List.of(), Duration.ofHours(1), true);
        PeerState.Outcome o = harvester.harvest(marc, Progress.NONE);
        assertFalse(o.ok());
        assertTrue(o.error().orElseThrow().contains("no crosswalk reads marc21"), o.error().orElseThrow());
        assertEquals(Optional.of(o.error()), harvester.state("marc-peer").last().map(PeerState.Outcome::error), "recorded for /harvest");
        assertTrue(stub.requests.isEmpty(), "nothing asked of the peer: " + stub.requests);
    }
}
