package org.dhakira.cli;

import static org.dhakira.cli.CommandsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dhakira.TestArchives;
import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.dhakira.store.RecordStore;
import org.dhakira.web.ApiTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dhakira compact} on a stopped archive, and {@code dhakira backup --from} a running one. */
class OperationsCommandsTest {

    @TempDir
    Path tmp;

    private static final Pattern SIZES = Pattern.compile("([\\d,]+) bytes \\([\\d.]+ MiB\\) before, ([\\d,]+) bytes");

    @Test
    void compactShrinksAStoreOfRewrittenRecordsAndSaysByHowMuch() throws Exception {
        Path data = tmp.resolve("data");
        // Long bodies: TDB2 keeps every version's text in its node table, which compaction leaves behind (its indexes
        // grow in 8 MiB steps, which a few hundred small rewrites do not fill).
        try (RecordStore store = TestArchives.store(data.resolve("store"))) {
            for (int round = 0; round < 60; round++) {
                StringBuilder records = new StringBuilder();
                for (int i = 0; i < 6; i++) records.append(TestArchives.document("d" + i, "\"body\":{\"en\":\"" + ("round " + round + " ").repeat(1500) + "\"}")).append('\n');
                TestArchives.load(store, records.toString());
            }
        }
        CommandsTest.Run r = run("compact", "--data", data.toString());
        assertEquals(0, r.exit(), r.err());
        Matcher m = SIZES.matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Long.parseLong(m.group(2).replace(",", "")) < Long.parseLong(m.group(1).replace(",", "")), r.out());
        assertTrue(r.out().contains("at change 360"), r.out());
        assertEquals(0, run("verify", "--data", data.toString()).exit(), "store and index agree after it");
        assertEquals(2, run("compact", "--data", tmp.resolve("nothing").toString()).exit(), "no archive there");
    }

    @Test
    void backupFromARunningServerRestoresAndNeedsAToken() throws Exception {
        String token = ApiTokens.mint();
        Path tokens = Files.writeString(tmp.resolve("tokens"), ApiTokens.line("operator", token) + "\n");
        Path tokenFile = Files.writeString(tmp.resolve("token"), token + "\n");
        Path wrong = Files.writeString(tmp.resolve("wrong"), ApiTokens.mint() + "\n");
        Path backup = tmp.resolve("online.nq.gz");
        try (Archive archive = Archive.open(TestArchives.config(tmp.resolve("data")).withApiTokens(tokens));
             ArchiveServer server = ArchiveServer.start(archive)) {
            TestArchives.load(archive.store(), TestArchives.organisation("amnesty", "Amnesty International", "منظمة العفو") + "\n");
            CommandsTest.Run refused = run("backup", backup.toString(), "--from", server.uri().toString(), "--token-file", wrong.toString());
            assertEquals(3, refused.exit());
            assertTrue(refused.err().contains("401"), refused.err());
            assertFalse(Files.exists(backup), "nothing written");
            assertEquals(2, run("backup", backup.toString(), "--from", server.uri().toString()).exit(), "no token file");
            CommandsTest.Run r = run("backup", backup.toString(), "--from", server.uri().toString(), "--token-file", tokenFile.toString());
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("Backed up " + server.uri()), r.out());
        }
        CommandsTest.Run restored = run("restore", "--data", tmp.resolve("again").toString(), backup.toString());
        assertEquals(0, restored.exit(), restored.err());
        assertTrue(restored.out().contains("Restored 1 records through change 1"), restored.out());
    }
}
