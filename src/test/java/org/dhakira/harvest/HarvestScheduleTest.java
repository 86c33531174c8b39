package org.dhakira.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.dhakira.TestArchives;
import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.dhakira.server.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a peer is due, and the schedule harvesting a real peer in the background as `serve` runs it. */
class HarvestScheduleTest {

    static final Peer PEER = new Peer("p", "أ", "A", URI.create("http://peer.test/oai"), "rdf", List.of(), Duration.ofHours(6), true);
    static final Instant ENDED = Instant.parse("2026-12-01T06:00:00Z");

    static PeerState lastRun(boolean ok) {
        PeerState.Outcome o = new PeerState.Outcome(ENDED.minusSeconds(60), ENDED, ok, PeerState.Counts.NONE,
                ok ? Optional.empty() : Optional.of("the peer answered 500"));
        return new PeerState(Optional.of(PEER), Optional.empty(), Optional.empty(), Optional.of(o));
    }

    @Test
    void aPeerNeverHarvestedIsDueAtOnceAndOneHarvestedWellAfterItsPeriod() {
        assertEquals(Instant.EPOCH, HarvestSchedule.due(PEER, PeerState.NEW));
        assertEquals(ENDED.plus(Duration.ofHours(6)), HarvestSchedule.due(PEER, lastRun(true)));
    }

    @Test
    void aFailedHarvestIsTriedAgainSoonerThanItsPeriodButNotAtOnce() {
        assertEquals(ENDED.plus(HarvestSchedule.RETRY), HarvestSchedule.due(PEER, lastRun(false)));
        Peer often = new Peer("q", "ب", "B", PEER.baseUrl(), "rdf", List.of(), Duration.ofMinutes(5), true);
        assertEquals(ENDED.plus(Duration.ofMinutes(5)), HarvestSchedule.due(often, lastRun(false)), "never later than its own period");
    }

    @Test
    void theScheduleHarvestsAnEnabledPeerInTheBackgroundAndLeavesADisabledOne(@TempDir Path dir) throws Exception {
        Config plain = TestArchives.config(dir.resolve("a"));
        try (Archive a = Archive.open(new Config(plain.host(), plain.port(), plain.data(), Optional.of("http://a.test/"), plain.home(),
                new Config.Oai("Archive A", Optional.of("a.test"), Optional.empty(), 10, Config.Oai.DEFAULTS.license())));
             ArchiveServer server = ArchiveServer.start(a);
             Archive b = Archive.open(new Config("127.0.0.1", 0, dir.resolve("b"), Optional.of("http://b.test/"), Optional.empty()))) {
            a.loadDemoIfEmpty();
            Peer enabled = new Peer("a", "أ", "A", URI.create(server.uri() + "oai"), "rdf", List.of(), Duration.ofHours(1), true);
            Peer disabled = new Peer("off", "مطفأ", "Off", URI.create(server.uri() + "oai"), "rdf", List.of(), Duration.ofHours(1), false);
            Harvester harvester = new Harvester(b.store(), OaiClientTest.quick().build(), Optional.empty(), Clock.systemUTC());
            try (HarvestSchedule schedule = HarvestSchedule.start(harvester, List.of(enabled, disabled), Clock.systemUTC())) {
                long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (harvester.state("a").last().isEmpty() && System.nanoTime() < until) Thread.sleep(200);
            }
            PeerState.Outcome o = harvester.state("a").last().orElseThrow(() -> new AssertionError("the schedule never harvested the peer"));
            assertTrue(o.ok(), () -> "failed: " + o.error());
            assertTrue(o.counts().added() > 0);
            assertTrue(harvester.state("off").last().isEmpty(), "a disabled peer is not harvested");
        }
    }
}
