package org.dhakira.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.dhakira.TestArchives;
import org.dhakira.server.Archive;
import org.dhakira.store.RecordStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entries of records that name another carry its names as they are now: after it is renamed in a later batch
 * (in English, in Arabic), deleted, renamed while thousands name it, and after the index stopped half-way through
 * carrying a rename or never heard of it.
 */
class IndexFollowsRenamesTest {

    @TempDir
    Path dir;

    private static long hits(Search search, String q) throws InvalidQueryException {
        return search.search(SearchQuery.of(q)).total();
    }

    private static long hits(Archive a, String q) throws InvalidQueryException {
        return hits(a.search(), q);
    }

    /** The records that have {@code name}, or name a record that has it (a plain search leaves issuers to {@code issuer:}). */
    private static long named(Search search, String name) throws InvalidQueryException {
        return hits(search, name + " OR issuer:" + name);
    }

    private static long named(Archive a, String name) throws InvalidQueryException {
        return named(a.search(), name);
    }

    private static String council(String en, String ar) {
        return TestArchives.organisation("council", en, ar);
    }

    /** {@code n} documents that name the council, as issuer or as a related organisation, one line each. */
    private static String naming(int n) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String link = i % 2 == 0 ? "\"issuer\":\"organisation/council\"" : "\"relatedOrganisations\":[\"organisation/council\"]";
            lines.append(TestArchives.document("naming-" + i, link)).append('\n');
        }
        return lines.toString();
    }

    /** Until the index has carried every rename to the entries naming it; how many entries it built again meanwhile. */
    private static void awaitRenames(RecordIndex index) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (index.renamesPending() > 0) {
            if (System.nanoTime() > deadline) throw new AssertionError("the index still carries " + index.renamesPending() + " renames after a minute");
            Thread.sleep(20);
        }
    }

    @Test
    void aRecordRenamedInALaterBatchIsFoundByItsNewNameInTheDocumentsNamingIt() throws Exception {
        try (Archive a = Archive.open(TestArchives.config(dir))) {
            TestArchives.load(a.store(), council("Quillborough Council", "مجلس كويلبرو") + "\n" + naming(4)
                    + TestArchives.document("unrelated", "") + "\n");
            assertEquals(5, named(a, "Quillborough"), "the council and the four documents naming it");
            long before = a.index().entriesRenamed();

            TestArchives.load(a.store(), council("Fennimoor Council", "مجلس فينيمور"));
            // Carried before the write returned: a record named by a few is renamed in every door at once.
            assertEquals(0, a.index().renamesPending());
            assertEquals(5, named(a, "Fennimoor"));
            assertEquals(2, hits(a, "issuer:Fennimoor"), "in the field the link put it in");
            assertEquals(0, named(a, "Quillborough"), "the old name is gone from every entry");
            assertEquals(5, named(a, "فينيمور"));
            assertEquals(0, named(a, "كويلبرو"));
            assertEquals(4, a.index().entriesRenamed() - before, "the four documents naming it, and nothing else");
            assertEquals(a.store().position().sequence(), a.index().sequence());
            assertTrue(Verification.of(a.store(), a.listing(), a.index().sequence(), 10).agree());
        }
    }

    @Test
    void anArabicRenameIsSearchableAsTheIndexNormalisesArabicAndASpellingItCannotSeeReindexesNothing() throws Exception {
        try (Archive a = Archive.open(TestArchives.config(dir))) {
            TestArchives.load(a.store(), council("Quillborough Council", "مجلس كويلبرو") + "\n" + naming(3));
            TestArchives.load(a.store(), council("Quillborough Council", "مجلس الأمانة"));
            assertEquals(4, named(a, "الأمانة"));
            assertEquals(4, named(a, "الامانه"), "alef forms and ta marbuta are folded, in the query as in the entries");
            assertEquals(0, named(a, "كويلبرو"));
            assertEquals(4, named(a, "Quillborough"), "the English name, unchanged, is still carried");

            // Diacritics and a tatweel: another literal in the store, the same terms in the index.
            long renamed = a.index().entriesRenamed();
            long sequence = a.store().position().sequence();
            TestArchives.load(a.store(), council("QUILLBOROUGH Council", "مَجلس الأمـانَة"));
            assertEquals(sequence + 1, a.store().position().sequence(), "the store changed");
            assertEquals(renamed, a.index().entriesRenamed(), "the names, as the index sees them, did not");
            assertEquals(4, named(a, "الامانه"));
        }
    }

    @Test
    void aRewriteThatKeepsTheNamesReindexesNothing() throws Exception {
        try (Archive a = Archive.open(TestArchives.config(dir))) {
            TestArchives.load(a.store(), council("Quillborough Council", "مجلس كويلبرو") + "\n" + naming(3));
            long renamed = a.index().entriesRenamed();
            long sequence = a.store().position().sequence();
            String withSummary = council("Quillborough Council", "مجلس كويلبرو")
                    .replace("}}", "},\"summary\":{\"en\":\"A council on the river Quill\"}}");
            TestArchives.load(a.store(), withSummary);
            assertEquals(sequence + 1, a.store().position().sequence(), "a real change of the council");
            assertEquals(sequence + 1, a.index().sequence());
            assertEquals(renamed, a.index().entriesRenamed(), "but not of its names: no document is indexed again");
            assertEquals(0, a.index().renamesPending());
            assertEquals(4, named(a, "Quillborough"));
        }
    }

    @Test
    void aDeletedRecordsNamesLeaveTheDocumentsNamingIt() throws Exception {
        try (Archive a = Archive.open(TestArchives.config(dir))) {
            TestArchives.load(a.store(), council("Quillborough Council", "مجلس كويلبرو") + "\n" + naming(3));
            TestArchives.load(a.store(), "{\"id\":\"organisation/council\",\"kind\":\"organisation\",\"deleted\":true}");
            assertEquals(0, named(a, "Quillborough"));
            assertEquals(0, named(a, "كويلبرو"));
            assertEquals(3, hits(a, "title:naming"), "the documents themselves are still there");
            assertTrue(Verification.of(a.store(), a.listing(), a.index().sequence(), 10).agree());
        }
    }

    @Test
    void aRecordRenamedLaterInTheSameBatchAsADocumentNamingItIsFoundByTheNewName() throws Exception {
        try (Archive a = Archive.open(TestArchives.config(dir))) {
            TestArchives.load(a.store(), council("Quillborough Council", "مجلس كويلبرو"));
            // The document's entry is built while the council still has its old name, in the same batch as the rename.
            TestArchives.load(a.store(), naming(1) + council("Fennimoor Council", "مجلس فينيمور") + "\n");
            assertEquals(2, named(a, "Fennimoor"));
            assertEquals(0, named(a, "Quillborough"));
        }
    }

    @Test
    void aRecordNamedByThousandsIsRenamedInEveryEntryAChunkAtATime() throws Exception {
        int n = 3_000;
        try (Archive a = Archive.open(TestArchives.config(dir))) {
            TestArchives.load(a.store(), council("Quillborough Council", "مجلس كويلبرو") + "\n" + naming(n));
            long before = a.index().entriesRenamed();
            TestArchives.load(a.store(), council("Fennimoor Council", "مجلس فينيمور"));
            awaitRenames(a.index());
            assertEquals(n + 1, named(a, "Fennimoor"));
            assertEquals(n / 2, hits(a, "issuer:Fennimoor"));
            assertEquals(0, named(a, "Quillborough"));
            assertEquals(n + 1, named(a, "فينيمور"));
            assertEquals(n, a.index().entriesRenamed() - before, "each document naming it once");
            assertTrue(Verification.of(a.store(), a.listing(), a.index().sequence(), 10).agree());
        }
        try (Archive a = Archive.open(TestArchives.config(dir))) {
            assertEquals(0, a.index().renamesPending(), "nothing left for the next open");
            assertEquals(0, named(a, "Quillborough"));
            assertEquals(n + 1, named(a, "Fennimoor"));
        }
    }

    @Test
    void aRecordRenamedAgainWhileItsFirstRenameIsCarriedEndsWithItsLatestNamesAndWritesGoOnMeanwhile() throws Exception {
        int n = 3_000;
        try (Archive a = Archive.open(TestArchives.config(dir))) {
            TestArchives.load(a.store(), council("Quillborough Council", "مجلس كويلبرو") + "\n" + naming(n));
            TestArchives.load(a.store(), council("Fennimoor Council", "مجلس فينيمور"));
            // While the thread carries the first rename: a document naming it, and the second rename.
            TestArchives.load(a.store(), TestArchives.document("meanwhile", "\"issuer\":\"organisation/council\""));
            assertEquals(1, hits(a, "issuer:Fennimoor AND title:meanwhile"), "a write made meanwhile carries the names as they are");
            TestArchives.load(a.store(), council("Gallowmere Council", "مجلس غالومير"));
            awaitRenames(a.index());
            assertEquals(n + 2, named(a, "Gallowmere"));
            assertEquals(n + 2, named(a, "غالومير"));
            assertEquals(0, named(a, "Fennimoor"));
            assertEquals(0, named(a, "Quillborough"));
            assertTrue(Verification.of(a.store(), a.listing(), a.index().sequence(), 10).agree());
        }
    }

    @Test
    void carryingARenameStoppedHalfWayGoesOnAfterTheNextOpen() throws Exception {
        int n = 2_000;
        try (RecordStore store = TestArchives.store(dir.resolve("store"))) {
            // No thread, and five hundred entries before the write returns: the index stops with most of the rename to carry.
            RecordIndex index = RecordIndex.open(dir.resolve("index"), store, new Relabelling.Pace(250, 500, false));
            try {
                TestArchives.load(store, council("Quillborough Council", "مجلس كويلبرو") + "\n" + naming(n));
                long before = index.entriesRenamed();
                TestArchives.load(store, council("Fennimoor Council", "مجلس فينيمور"));
                assertEquals(500, index.entriesRenamed() - before);
                assertEquals(1, index.renamesPending());
                Search search = new Search(index);
                assertEquals(501, named(search, "Fennimoor"));
                assertEquals(n - 500, named(search, "Quillborough"));
                Verification v = Verification.of(store, new Listing(index), index.sequence(), 10);
                assertFalse(v.agree());
                assertEquals("organisation/council: 1,500 records naming it carry names it no longer has", v.differences().get(0).toString());
            } finally {
                // What a crash after the index's last commit leaves: that commit says names were being carried.
                index.close();
            }
        }
        try (Archive a = Archive.open(TestArchives.config(dir))) {
            awaitRenames(a.index());
            assertEquals(n - 500, a.index().entriesRenamed(), "only what was left, from where the index was: not a rebuild");
            assertEquals(n + 1, named(a, "Fennimoor"));
            assertEquals(0, named(a, "Quillborough"));
            assertTrue(Verification.of(a.store(), a.listing(), a.index().sequence(), 10).agree());
        }
    }

    @Test
    void aRenameTheIndexNeverHeardOfIsCarriedWhenItCatchesUp() throws Exception {
        try (Archive a = Archive.open(TestArchives.config(dir))) {
            TestArchives.load(a.store(), council("Quillborough Council", "مجلس كويلبرو") + "\n" + naming(3));
        }
        // The store commits the rename, the index never hears of it: what a crash between the two commits leaves.
        try (RecordStore store = TestArchives.store(dir.resolve("store"))) {
            TestArchives.load(store, council("Fennimoor Council", "مجلس فينيمور"));
        }
        try (Archive a = Archive.open(TestArchives.config(dir))) {
            awaitRenames(a.index());
            assertEquals(a.store().position().sequence(), a.index().sequence());
            assertEquals(4, named(a, "Fennimoor"));
            assertEquals(0, named(a, "Quillborough"));
        }
    }
}
