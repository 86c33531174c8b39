package org.dhakira.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.Adler32;

import org.apache.jena.tdb2.TDB2Factory;
import org.dhakira.TestArchives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store whose journal a killed process left ending in half an entry (as WriteApiCrashTest once left one) opens,
 * with every committed record, instead of TDB2 refusing it; a journal in use is never touched.
 */
class TornJournalTest {

    @TempDir
    Path dir;

    /** A closed store holding two records, and its journal (empty: TDB2 empties it after each commit). */
    Path storeWithRecords() throws Exception {
        try (RecordStore store = TestArchives.store(dir)) {
            TestArchives.load(store, TestArchives.organisation("alpha", "Alpha", "ألفا") + "\n" + TestArchives.organisation("beta", "Beta", "بيتا") + "\n");
        }
        Path journal = dir.resolve("Data-0001").resolve("journal.jrnl");
        assertTrue(Files.isRegularFile(journal));
        assertEquals(0, Files.size(journal));
        return journal;
    }

    /** An entry as TDB2 writes one: length, checksum, type, component; then the data. */
    static byte[] entry(int type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(16 + data.length);
        b.putInt(data.length).putInt(0).putInt(type).putInt(7).put(data);
        Adler32 adler = new Adler32();
        adler.update(b.array(), 0, 16);
        adler.update(data);
        b.putInt(4, (int) adler.getValue());
        return b.array();
    }

    static void append(Path journal, byte[] bytes) throws Exception {
        Files.write(journal, bytes, StandardOpenOption.APPEND);
    }

    void assertOpensWhole(Path journal) {
        try (RecordStore store = TestArchives.store(dir)) {
            assertEquals(RecordStore.Status.LIVE, store.status(RecordId.parse("organisation/alpha")).orElseThrow());
            assertEquals(RecordStore.Status.LIVE, store.status(RecordId.parse("organisation/beta")).orElseThrow());
            assertEquals(2, store.position().sequence());
        }
    }

    @Test
    void anEntryCutBetweenItsHeaderAndItsDataIsCutOff(@TempDir Path elsewhere) throws Exception {
        Path journal = storeWithRecords();
        byte[] whole = entry(1, new byte[16]);
        append(journal, java.util.Arrays.copyOf(whole, 16));
        // What TDB2 does with it on its own (on a copy, as the refusal leaves the copy locked in this JVM).
        Path copy = Files.createDirectories(elsewhere.resolve("Data-0001"));
        try (var files = Files.list(journal.getParent())) {
            for (Path f : files.toList()) Files.copy(f, copy.resolve(f.getFileName()));
        }
        Exception refused = assertThrows(Exception.class, () -> TDB2Factory.connectDataset(elsewhere.toString()));
        assertTrue(String.valueOf(refused.getMessage()).contains("journal"), refused.toString());
        assertOpensWhole(journal);
        assertEquals(0, Files.size(journal));
    }

    @Test
    void aHeaderCutShortOrAnEntryFailingItsChecksumIsCutOffAfterWholeEntries() throws Exception {
        Path journal = storeWithRecords();
        byte[] first = entry(1, new byte[] {1, 2, 3, 4});
        append(journal, java.util.Arrays.copyOf(entry(2, new byte[8]), 9));
        assertEquals(9, TornJournal.mendFile(journal));
        assertEquals(0, Files.size(journal));

        append(journal, first);
        byte[] corrupt = entry(1, new byte[] {5, 6, 7, 8});
        corrupt[corrupt.length - 1] ^= 1;
        append(journal, corrupt);
        assertEquals(corrupt.length, TornJournal.mendFile(journal));
        assertEquals(first.length, Files.size(journal), "the whole entry before it is kept");
    }

    @Test
    void theJournalOfAStoreOpenHereIsLeftAlone() throws Exception {
        Path journal = storeWithRecords();
        try (RecordStore open = TestArchives.store(dir)) {
            Files.write(journal, new byte[3], StandardOpenOption.APPEND);
            assertEquals(0, TornJournal.mend(dir));
            assertEquals(3, Files.size(journal));
            Files.write(journal, new byte[0]);
        }
    }
}
