package org.dhakira.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.dhakira.Forked;
import org.dhakira.TestArchives;
import org.dhakira.index.Verification;
import org.dhakira.ingest.Progress;
import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.dhakira.server.Config;
import org.dhakira.store.RecordId;
import org.dhakira.store.StoredRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A harvest killed with SIGKILL at random moments, then resumed: each time, what the archive holds is exactly what
 * its committed harvest state says it took (whole pages, every record whole), store and index agree, and the
 * harvest finally completes with every record of the peer exactly once — none written twice (the store's sequence
 * counts one change per record). The harvest runs as `dhakira harvest --url` in a forked JVM.
 */
class HarvestCrashTest {

    static final int DOCUMENTS = 1_000;
    static final int PAGE = 10;
    static final int KILLS = 5;
    static final String B = "http://b.test/";

    @TempDir
    Path tmp;

    @Test
    void aHarvestKilledAtAnyMomentResumesWithNothingLostOrDoubled() throws Exception {
        Config plain = TestArchives.config(tmp.resolve("a"));
        try (Archive a = Archive.open(new Config(plain.host(), plain.port(), plain.data(), Optional.of("http://a.test/"), plain.home(),
                new Config.Oai("Archive A", Optional.of("a.test"), Optional.empty(), PAGE, Config.Oai.DEFAULTS.license())));
             ArchiveServer server = ArchiveServer.start(a)) {
            StringBuilder docs = new StringBuilder();
            for (int i = 0; i < DOCUMENTS; i++) docs.append(TestArchives.document(String.format("d%04d", i), "")).append('\n');
            TestArchives.load(a.store(), docs.toString());
            Map<RecordId, StoredRecord> atA = new HashMap<>();
            a.store().read(dsg -> {
                dsg.listGraphNodes().forEachRemaining(g -> a.store().uris().id(g.getURI()).ifPresent(id -> atA.put(id, a.store().find(id).orElseThrow())));
                return null;
            });
            URI oai = URI.create(server.uri() + "oai");
            Path data = tmp.resolve("b");
            Random random = new Random(20170207);
            List<Long> taken = new ArrayList<>();
            for (int kill = 0; kill < KILLS; kill++) {
                Process p = fork(data, oai);
                boolean harvesting = Forked.awaitOutput(p, "Harvesting", java.time.Duration.ofSeconds(60));
                Thread.sleep(500 + random.nextInt(4000)); // the first commit comes after ten pages
                p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no clean close
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
                assertTrue(harvesting || p.exitValue() == 0, "the harvest began");
                taken.add(check(data, atA));
            }
            System.out.println("records held after each kill: " + taken);
            try (Archive b = open(data)) {
                // The peer as `harvest --url` named it (after A's repositoryName), whether or not a kill came before its first commit.
                Peer peer = b.harvester().harvested().values().stream().flatMap(st -> st.peer().stream()).findFirst()
                        .orElse(new Peer("archive-a", "Archive A", "Archive A", oai, "rdf", List.of(), java.time.Duration.ofDays(1), false));
                PeerState.Outcome o = b.harvester().harvest(peer, Progress.NONE);
                assertTrue(o.ok(), () -> "the resumed harvest failed: " + o.error());
            }
            long held = check(data, atA);
            assertEquals(atA.size(), held, "every record of the peer, once");
        }
    }

    /** The invariants after a kill; returns how many records the archive holds. */
    private long check(Path data, Map<RecordId, StoredRecord> atA) {
        try (Archive b = open(data)) {
            Map<RecordId, StoredRecord> copies = new HashMap<>();
            b.store().read(dsg -> {
                dsg.listGraphNodes().forEachRemaining(g -> b.store().uris().id(g.getURI()).ifPresent(id -> copies.put(id, b.store().find(id).orElseThrow())));
                return null;
            });
            if (copies.isEmpty()) {
                assertTrue(b.harvester().harvested().values().stream().allMatch(st -> st.run().isEmpty() || st.run().get().counts().seen() == 0));
                return 0; // killed before the first pages committed
            }
            PeerState state = only(b);
            // Once a run has ended the whole list is held; before, a run under way says what it took so far.
            long committed = state.lastSuccessStart().isPresent() ? atA.size() : state.run().orElseThrow().counts().seen();
            assertEquals(committed, copies.size(), "the archive holds what its harvest state says it took");
            assertEquals(copies.size(), b.store().position().sequence(), "one change per record: none written twice");
            for (StoredRecord copy : copies.values()) {
                RecordId atPeer = new RecordId(copy.id().kind(), copy.id().key().substring(copy.id().key().indexOf('~') + 1));
                StoredRecord original = atA.get(atPeer);
                assertTrue(original != null, copy.id() + " is not the peer's");
                original.graph().find().forEachRemaining(t -> assertTrue(copy.graph().contains(t), () -> copy.id() + " is not whole: no " + t));
            }
            assertEquals(0, copies.size() == atA.size() ? 0 : copies.size() % PAGE, "whole pages only");
            Verification v = Verification.of(b.store(), b.listing(), b.index().sequence(), 10);
            assertTrue(v.agree(), () -> "store and index disagree: " + v.differences());
            return copies.size();
        }
    }

    private static PeerState only(Archive b) {
        Map<String, PeerState> harvested = b.harvester().harvested();
        assertEquals(1, harvested.size(), harvested.keySet().toString());
        return harvested.values().iterator().next();
    }

    private static Archive open(Path data) {
        return Archive.open(new Config("127.0.0.1", 0, data, Optional.of(B), Optional.empty()));
    }

    private static Process fork(Path data, URI oai) throws IOException {
        return Forked.dhakira("harvest", "--url", oai.toString(), "--prefix", "rdf", "--data", data.toString(), "--base", B);
    }
}
