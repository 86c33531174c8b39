package org.dhakira.cli;

import static org.dhakira.cli.CommandsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.dhakira.TestArchives;
import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.dhakira.server.Config;
import org.dhakira.store.RecordStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dhakira harvest} as an operator runs it: a one-off {@code --url} of a running peer Dhakira in {@code rdf}
 * (its demo records), the same peer again by the id it was remembered under, an unknown id, and a configured peer
 * that fails. The peer is a real archive on a free port.
 */
class HarvestCommandTest {

    @TempDir
    static Path dir;
    static Archive peer;
    static ArchiveServer server;
    static long live;

    @BeforeAll
    static void startThePeer() throws Exception {
        Config plain = TestArchives.config(dir.resolve("peer"));
        peer = Archive.open(new Config(plain.host(), plain.port(), plain.data(), Optional.of("http://peer.test/"), plain.home(),
                new Config.Oai("Peer archive", Optional.of("peer.test"), Optional.empty(), 7, Config.Oai.DEFAULTS.license())));
        peer.loadDemoIfEmpty();
        live = peer.store().changedSince(0).stream().filter(id -> peer.store().status(id).orElseThrow() == RecordStore.Status.LIVE).count();
        server = ArchiveServer.start(peer);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (peer != null) peer.close();
    }

    static String data(String name) {
        return dir.resolve(name).resolve("data").toString();
    }

    @Test
    void aOneOffUrlIsHarvestedSummarisedAndRememberedUnderItsName() {
        String url = server.uri() + "oai";
        CommandsTest.Run r = run("harvest", "--data", data("one-off"), "--base", TestArchives.BASE, "--url", url, "--prefix", "rdf");
        assertEquals(0, r.exit(), r.err() + r.out());
        assertTrue(r.out().contains("Peer archive (" + url + "): harvested — " + live + " added, 0 updated, 0 deleted, 0 unchanged, 0 could not be taken"),
                r.out());

        CommandsTest.Run again = run("harvest", "--data", data("one-off"), "--base", TestArchives.BASE, "peer-archive");
        assertEquals(0, again.exit(), again.err() + again.out());
        assertTrue(again.out().contains("harvested — 0 added, 0 updated, 0 deleted"), "only what changed since: " + again.out());
    }

    @Test
    void anUnknownPeerIsAUsageError() {
        CommandsTest.Run r = run("harvest", "--data", data("unknown"), "--base", TestArchives.BASE, "nobody");
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains("no peer 'nobody'"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    }

    @Test
    void aPeerThatFailsExitsWithFourAndSaysWhy() throws Exception {
        Path home = Files.createDirectories(dir.resolve("failing/home/harvest")).getParent();
        Files.writeString(home.resolve("harvest/peers.json"), """
                {"peers": [{"id": "broken", "name": {"ar": "معطّل", "en": "Broken"}, "baseUrl": "%snothing-here", "metadataPrefix": "rdf"}]}"""
                .formatted(server.uri()));
        CommandsTest.Run r = run("harvest", "--data", data("failing"), "--base", TestArchives.BASE, "--home", home.toString(), "broken");
        assertEquals(4, r.exit(), r.err() + r.out());
        assertTrue(r.out().contains("Broken (" + server.uri() + "nothing-here): FAILED"), r.out());
        assertTrue(r.out().contains("404"), "the error names the problem: " + r.out());
    }
}
