package org.dhakira.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.dhakira.Forked;
import org.dhakira.TestArchives;
import org.dhakira.index.SearchQuery;
import org.dhakira.server.Archive;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load killed with SIGKILL while it writes: every batch committed before the kill is whole, every later one
 * absent, and the store opens cleanly afterwards. Loading the file again then completes it.
 */
class LoadCrashTest {

    static final int RECORDS = 2_000;
    static final int BATCH = 100;
    static final int KILLS = 4;

    @TempDir
    Path tmp;

    @Test
    void aLoadKilledMidWayLeavesWholeBatchesAndAStoreThatOpens() throws Exception {
        // (Each kill lands somewhere in the write phase; the figures printed show where.)
        Path input = tmp.resolve("records.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < RECORDS; i++) {
            sb.append(TestArchives.document(String.format("d%05d", i), "\"body\":{\"en\":\"" + "word ".repeat(200) + "\"}")).append('\n');
        }
        Files.writeString(input, sb.toString());
        Random random = new Random(20170207);
        List<Integer> committedBatches = new ArrayList<>();
        for (int run = 0; run < KILLS; run++) {
            Path data = tmp.resolve("data-" + run);
            Process p = forkLoad(data, input);
            boolean writing = Forked.awaitOutput(p, "Loading", java.time.Duration.ofSeconds(60));
            Thread.sleep(random.nextInt(3000));
            p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no clean close
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertTrue(writing || p.exitValue() == 0, "the load reached its write phase");

            try (Archive archive = Archive.open(TestArchives.config(data))) {
                int batches = wholeBatches(archive.store());
                committedBatches.add(batches);
                assertEquals(batches * (long) BATCH, archive.store().position().sequence(), "the sequence counts exactly the committed records");
                assertEquals(archive.store().position().sequence(), archive.index().sequence(), "the index caught up");
                assertEquals(batches * (long) BATCH, archive.search().search(SearchQuery.of("")).total(), "store and index agree");
            }
        }
        System.out.println("whole batches after each kill: " + committedBatches);
        // Finish one of the interrupted loads: the committed records are left alone, the rest come in.
        Path data = tmp.resolve("data-0");
        try (Archive archive = Archive.open(TestArchives.config(data))) {
            LoadReport r = archive.loader().load(List.of(Input.of(input)), BATCH, Progress.NONE);
            assertEquals(RECORDS, r.records());
            assertEquals(committedBatches.get(0) * (long) BATCH, r.unchanged());
            assertEquals(RECORDS / BATCH, wholeBatches(archive.store()));
            assertEquals(RECORDS, archive.search().search(SearchQuery.of("")).total());
        }
    }

    /** Checks each batch is all there or not at all, and that the ones there come first; returns how many. */
    private static int wholeBatches(RecordStore store) {
        int whole = 0;
        boolean gap = false;
        for (int b = 0; b < RECORDS / BATCH; b++) {
            int present = 0;
            for (int i = b * BATCH; i < (b + 1) * BATCH; i++) {
                if (store.find(RecordId.parse(String.format("document/d%05d", i))).isPresent()) present++;
            }
            assertTrue(present == 0 || present == BATCH, "batch " + b + " is half there: " + present + " of " + BATCH);
            if (present == BATCH) {
                assertTrue(!gap, "batch " + b + " is there although an earlier one is not");
                whole++;
            } else {
                gap = true;
            }
        }
        return whole;
    }

    private static Process forkLoad(Path data, Path input) throws IOException {
        return Forked.dhakira("load", "--progress", "--batch", String.valueOf(BATCH), "--data", data.toString(),
                "--base", TestArchives.BASE, input.toString());
    }
}
