package org.dhakira.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import org.dhakira.TestArchives;
import org.dhakira.server.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `dhakira verify` reports: an index that follows its store agrees; one held against another store does not. */
class VerificationTest {

    @TempDir
    Path dir;

    @Test
    void anIndexThatFollowsItsStoreAgrees() throws Exception {
        try (Archive a = Archive.open(TestArchives.config(dir.resolve("a")))) {
            a.loadDemoIfEmpty();
            TestArchives.load(a.store(), "{\"id\":\"document/demo-untitled-video-2018-03-20\",\"kind\":\"document\",\"deleted\":true}\n");
            Verification v = Verification.of(a.store(), a.listing(), a.index().sequence(), 100);
            assertTrue(v.agree(), v.differences().toString());
            assertEquals(30, v.storeRecords());
            assertEquals(30, v.indexRecords());
        }
    }

    @Test
    void everyKindOfDisagreementIsNamed() throws Exception {
        // Two archives with the same first thirty changes, then different ones: a's index read against b's store.
        try (Archive a = Archive.open(TestArchives.config(dir.resolve("a")));
             Archive b = Archive.open(TestArchives.config(dir.resolve("b")))) {
            a.loadDemoIfEmpty();
            b.loadDemoIfEmpty();
            TestArchives.load(a.store(), TestArchives.document("only-in-a", "") + "\n");
            TestArchives.load(b.store(), TestArchives.document("only-in-b", "") + "\n");
            TestArchives.load(b.store(), "{\"id\":\"document/demo-untitled-video-2018-03-20\",\"kind\":\"document\",\"deleted\":true}\n");
            Verification v = Verification.of(b.store(), a.listing(), a.index().sequence(), 100);
            assertFalse(v.agree());
            Map<String, String> by = v.differences().stream().collect(Collectors.toMap(d -> d.id().path(), Verification.Difference::what));
            assertEquals(3, by.size(), by.toString());
            assertTrue(by.get("document/only-in-a").contains("not in the store"), by.toString());
            assertTrue(by.get("document/only-in-b").contains("not in the index"), by.toString());
            assertTrue(by.get("document/demo-untitled-video-2018-03-20").contains("the index has change"), by.toString());
            assertEquals(3, v.disagreements());

            Verification capped = Verification.of(b.store(), a.listing(), a.index().sequence(), 1);
            assertEquals(1, capped.differences().size());
            assertEquals(3, capped.disagreements(), "the count is whole when the list is cut");
            assertFalse(capped.agree());
        }
    }
}
