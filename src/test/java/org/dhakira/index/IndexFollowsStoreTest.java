package org.dhakira.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.dhakira.TestArchives;
import org.dhakira.ingest.InvalidInputException;
import org.dhakira.server.Archive;
import org.dhakira.store.RecordStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index is derived and always current: after writes, deletions, aborted batches, crashes and damage. */
class IndexFollowsStoreTest {

    @TempDir
    Path dir;

    private static long hits(Archive a, String q) throws InvalidQueryException {
        return a.search().search(SearchQuery.of(q)).total();
    }

    @Test
    void aDocumentIsFoundByTheNamesOfRecordsThatComeLaterInTheSameLoad() throws Exception {
        try (Archive a = Archive.open(TestArchives.config(dir))) {
            // The document's line comes first: when its index entry is first made, the councils are not in the batch yet.
            TestArchives.load(a.store(), TestArchives.document("early", "\"issuer\":\"organisation/late-council\","
                    + "\"relatedOrganisations\":[\"organisation/later-council\"]") + "\n"
                    + TestArchives.organisation("late-council", "Quillborough Council", "مجلس كويلبرو") + "\n"
                    + TestArchives.organisation("later-council", "Fennimoor Council", "مجلس فينيمور") + "\n");
            assertEquals(1, hits(a, "issuer:Quillborough"), "the document, by its issuer's name");
            assertEquals(2, hits(a, "Fennimoor"), "the council and the document naming it");
            assertEquals(2, hits(a, "فينيمور"));
            // As a rebuilt index finds them (what a restore or reindex makes).
            a.index().rebuild(org.dhakira.ingest.Progress.NONE);
            assertEquals(1, hits(a, "issuer:Quillborough"));
            assertEquals(2, hits(a, "Fennimoor"));
        }
    }

    @Test
    void aWriteIsSearchableWhenTheLoadReturns() throws Exception {
        try (Archive a = Archive.open(TestArchives.config(dir))) {
            assertEquals(0, hits(a, "Zanzibar"));
            TestArchives.load(a.store(), TestArchives.organisation("zanzibar-council", "Zanzibar Council", "مجلس زنجبار"));
            assertEquals(1, hits(a, "Zanzibar"));
            assertEquals(1, hits(a, "زنجبار"));
            assertEquals(a.store().position().sequence(), a.index().sequence());
        }
    }

    @Test
    void aDeletedRecordLeavesSearchButStaysInTheListingAsDeleted() throws Exception {
        try (Archive a = Archive.open(TestArchives.config(dir))) {
            TestArchives.load(a.store(), TestArchives.document("gone-soon", ""));
            assertEquals(1, hits(a, "code:x OR gone-soon OR title:gone-soon"));
            TestArchives.load(a.store(), "{\"id\":\"document/gone-soon\",\"kind\":\"document\",\"deleted\":true}");
            assertEquals(0, hits(a, "title:gone-soon"));
            Listing.Entry e = a.listing().page(java.util.Optional.of("type:press-statement"), java.util.Optional.empty(),
                    java.util.Optional.empty(), 0, 10).entries().get(0);
            assertTrue(e.deleted(), "the tombstone stays in the set its record was in");
            assertEquals("document/gone-soon", e.id().path());
            assertEquals(2, e.sequence());
        }
    }

    @Test
    void aLargeBatchIsIndexedWholeAndAWriteThenDeleteEndsDeleted() throws Exception {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < 700; i++) in.append(TestArchives.organisation("many-" + i, "Manifold " + i, "كثير " + i)).append('\n');
        in.append(TestArchives.document("brief", "")).append('\n');
        in.append("{\"id\":\"document/brief\",\"kind\":\"document\",\"deleted\":true}\n");
        try (Archive a = Archive.open(TestArchives.config(dir))) {
            TestArchives.load(a.store(), in.toString());
            assertEquals(700, hits(a, "Manifold"));
            assertEquals(0, hits(a, "title:brief"));
        }
        try (Archive a = Archive.open(TestArchives.config(dir))) {
            assertEquals(700, hits(a, "Manifold"), "all of it was committed, not only what was indexed by the commit");
            assertEquals(0, hits(a, "title:brief"));
        }
    }

    @Test
    void anAbortedBatchLeavesNothingInTheIndex() throws Exception {
        try (Archive a = Archive.open(TestArchives.config(dir))) {
            assertThrows(InvalidInputException.class, () -> TestArchives.load(a.store(),
                    TestArchives.organisation("first", "Firstling", "أول") + "\n"
                    + TestArchives.document("bad", "").replace("2017-02-07", "2017-02-31")));
            assertEquals(0, hits(a, "Firstling"));
            TestArchives.load(a.store(), TestArchives.organisation("second", "Secondling", "ثان"));
            assertEquals(1, hits(a, "Secondling"), "the index works after the rollback");
            assertEquals(0, hits(a, "Firstling"));
        }
    }

    @Test
    void catchesUpOnOpenAfterACrashBetweenStoreAndIndexCommits() throws Exception {
        try (Archive a = Archive.open(TestArchives.config(dir))) {
            TestArchives.load(a.store(), TestArchives.organisation("before", "Beforehand", "قبل"));
        }
        // The store commits, the index never hears of it: what a crash between the two commits leaves.
        try (RecordStore store = RecordStore.open(dir.resolve("store"), TestArchives.BASE, TestArchives.VOCABULARY)) {
            TestArchives.load(store, TestArchives.organisation("during", "Duringly", "أثناء") + "\n"
                    + "{\"id\":\"organisation/before\",\"kind\":\"organisation\",\"deleted\":true}");
        }
        try (Archive a = Archive.open(TestArchives.config(dir))) {
            assertEquals(a.store().position().sequence(), a.index().sequence(), "caught up");
            assertEquals(1, hits(a, "Duringly"));
            assertEquals(0, hits(a, "Beforehand"), "the deletion reached the index too");
        }
    }

    @Test
    void aMissingOrDamagedIndexIsRebuiltFromTheStore() throws Exception {
        try (Archive a = Archive.open(TestArchives.config(dir))) {
            a.loadDemoIfEmpty();
        }
        deleteTree(dir.resolve("index"));
        try (Archive a = Archive.open(TestArchives.config(dir))) {
            assertEquals(30, a.search().search(SearchQuery.of("")).total());
        }
        try (Stream<Path> files = Files.list(dir.resolve("index"))) {
            for (Path f : files.toList()) Files.write(f, new byte[] {1, 2, 3});
        }
        try (Archive a = Archive.open(TestArchives.config(dir))) {
            assertEquals(30, a.search().search(SearchQuery.of("")).total());
            assertEquals(a.store().position().sequence(), a.index().sequence());
        }
    }

    @Test
    void reopeningAnUpToDateIndexChangesNothing() throws Exception {
        try (Archive a = Archive.open(TestArchives.config(dir))) {
            a.loadDemoIfEmpty();
        }
        long modified;
        try (Stream<Path> files = Files.list(dir.resolve("index"))) {
            modified = files.mapToLong(f -> f.toFile().lastModified()).max().orElseThrow();
        }
        try (Archive a = Archive.open(TestArchives.config(dir))) {
            assertEquals(30, a.search().search(SearchQuery.of("")).total());
        }
        try (Stream<Path> files = Files.list(dir.resolve("index"))) {
            assertEquals(modified, files.mapToLong(f -> f.toFile().lastModified()).max().orElseThrow(), "no rebuild, no new commit");
        }
    }

    static void deleteTree(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }
}
