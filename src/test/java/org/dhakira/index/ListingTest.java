package org.dhakira.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.dhakira.TestArchives;
import org.dhakira.ingest.Format;
import org.dhakira.ingest.Input;
import org.dhakira.ingest.Loader;
import org.dhakira.ingest.Progress;
import org.dhakira.store.RecordStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ordered listing OAI-PMH pages through: order, sets, datestamp ranges, positions, tombstones, counts. */
class ListingTest {

    @TempDir
    Path dir;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2020-01-01T00:00:00Z"));
    private RecordStore store;
    private RecordIndex index;
    private Listing listing;

    @BeforeEach
    void open() throws Exception {
        Clock clock = TestArchives.clock(now);
        store = RecordStore.open(dir.resolve("store"), TestArchives.BASE, TestArchives.VOCABULARY, clock);
        index = RecordIndex.open(dir.resolve("index"), store);
        listing = new Listing(index);
        // Day 1: ten organisations; day 2: five reports; day 3: one report deleted, one organisation changed.
        StringBuilder day1 = new StringBuilder();
        for (int i = 0; i < 10; i++) day1.append(TestArchives.organisation("o" + i, "Org " + i, "منظمة " + i)).append('\n');
        load(day1.toString());
        now.set(Instant.parse("2020-01-02T12:00:00Z"));
        StringBuilder day2 = new StringBuilder();
        for (int i = 0; i < 5; i++) day2.append(TestArchives.document("r" + i, "").replace("press-statement", "report")).append('\n');
        load(day2.toString());
        now.set(Instant.parse("2020-01-03T08:30:00Z"));
        load("{\"id\":\"document/r2\",\"kind\":\"document\",\"deleted\":true}\n" + TestArchives.organisation("o0", "Org zero", "منظمة صفر"));
    }

    private void load(String jsonLines) throws Exception {
        new Loader(store).load(List.of(Input.of("t.jsonl", Format.JSON, jsonLines)), 0, Progress.NONE);
    }

    @AfterEach
    void close() {
        index.close();
        store.close();
    }

    private List<String> all(Optional<String> set, Optional<Instant> from, Optional<Instant> until, int pageSize) {
        List<String> ids = new ArrayList<>();
        long after = 0;
        Listing.Page page;
        do {
            page = listing.page(set, from, until, after, pageSize);
            page.entries().forEach(e -> ids.add(e.id().path() + (e.deleted() ? " (deleted)" : "")));
            after = page.last();
        } while (page.more());
        return ids;
    }

    @Test
    void listsEveryRecordOnceInTheOrderOfItsLastChange() {
        List<String> ids = all(Optional.empty(), Optional.empty(), Optional.empty(), 4);
        assertEquals(15, ids.size());
        assertEquals("organisation/o1", ids.get(0), "o0 changed last, so it moved to the end");
        assertEquals(List.of("document/r2 (deleted)", "organisation/o0"), ids.subList(13, 15));
        assertEquals(15, listing.count(Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void aPageSaysTheLastChangeItsIndexHadSeen() throws Exception {
        assertEquals(store.position().sequence(), listing.page(Optional.of("kind:organisation"), Optional.empty(), Optional.empty(), 0, 2).seenThrough(),
                "the deleted report and the changed organisation included, whatever the page shows");
        load(TestArchives.organisation("o1", "Org one", "منظمة واحد"));
        assertEquals(store.position().sequence(), listing.page(Optional.empty(), Optional.empty(), Optional.empty(), 0, 1).seenThrough());
    }

    @Test
    void datestampsNeverDecreaseAlongTheListing() {
        Instant previous = Instant.EPOCH;
        long seq = 0;
        for (Listing.Entry e : listing.page(Optional.empty(), Optional.empty(), Optional.empty(), 0, 100).entries()) {
            assertFalse(e.datestamp().isBefore(previous));
            assertTrue(e.sequence() > seq);
            previous = e.datestamp();
            seq = e.sequence();
        }
    }

    @Test
    void setsSelectByKindTypeAndGradeAndKeepTombstones() {
        assertEquals(10, all(Optional.of("kind:organisation"), Optional.empty(), Optional.empty(), 3).size());
        List<String> reports = all(Optional.of("type:report"), Optional.empty(), Optional.empty(), 2);
        assertEquals(5, reports.size());
        assertTrue(reports.contains("document/r2 (deleted)"));
        assertEquals(5, all(Optional.of("reliability:not-verified"), Optional.empty(), Optional.empty(), 10).size());
        assertEquals(0, all(Optional.of("type:letter"), Optional.empty(), Optional.empty(), 10).size());
        assertEquals(5, listing.count(Optional.of("type:report"), Optional.empty(), Optional.empty()));
    }

    @Test
    void fromAndUntilAreInclusiveDatestampBounds() {
        Instant day2 = Instant.parse("2020-01-02T12:00:00Z");
        assertEquals(4, all(Optional.empty(), Optional.of(day2), Optional.of(day2), 10).size(), "exactly the changes of that second: r2 changed again later");
        assertEquals(6, all(Optional.empty(), Optional.of(Instant.parse("2020-01-02T00:00:00Z")), Optional.empty(), 10).size());
        assertEquals(9, all(Optional.empty(), Optional.empty(), Optional.of(Instant.parse("2020-01-01T23:59:59Z")), 10).size(),
                "day 1 without o0, which changed later");
        assertEquals(0, all(Optional.empty(), Optional.of(Instant.parse("2021-01-01T00:00:00Z")), Optional.empty(), 10).size());
        assertEquals(2, listing.count(Optional.empty(), Optional.of(Instant.parse("2020-01-03T00:00:00Z")), Optional.empty()));
    }

    @Test
    void aPositionResumesRightAfterItEvenWhenRecordsChangeMeanwhile() throws Exception {
        Listing.Page first = listing.page(Optional.empty(), Optional.empty(), Optional.empty(), 0, 5);
        now.set(Instant.parse("2020-01-04T00:00:00Z"));
        load(TestArchives.organisation("o1", "Org one, renamed", "منظمة واحد"));
        List<String> rest = new ArrayList<>();
        long after = first.last();
        Listing.Page page;
        do {
            page = listing.page(Optional.empty(), Optional.empty(), Optional.empty(), after, 5);
            page.entries().forEach(e -> rest.add(e.id().path()));
            after = page.last();
        } while (page.more());
        assertEquals("organisation/o1", rest.get(rest.size() - 1), "the record changed during the harvest comes again at the end");
    }

    @Test
    void earliestIsTheFirstListedDatestamp() {
        assertEquals(Instant.parse("2020-01-01T00:00:00Z"), listing.earliest().orElseThrow());
    }
}
