package org.dhakira.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.dhakira.TestArchives;
import org.dhakira.index.SearchQuery;
import org.dhakira.index.Verification;
import org.dhakira.server.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed (SIGKILL) while it carries a rename to the thousands of documents naming the renamed
 * organisation, the index on disk holding a part of it: after the restart every one of them is found by the new
 * name and none by the old. (A kill before the index committed anything of the rename is the catch-up of
 * {@code IndexFollowsRenamesTest}.)
 */
class RenameCrashTest {

    static final int NAMING = 5_000;
    /** How long after the rename's answer each round kills the server: at once, and while the thread carries the rest. */
    static final long[] KILL_AFTER_MILLIS = {0, 600};

    @TempDir
    Path tmp;

    private static long named(Archive a, String name) throws Exception {
        return a.search().search(SearchQuery.of(name + " OR issuer:" + name)).total();
    }

    @Test
    void aRenameCutShortByAKillIsCarriedWholeAfterTheRestart() throws Exception {
        WriteApiCrashTest.WriteApi api = WriteApiCrashTest.WriteApi.in(tmp);
        String token = api.token();
        Path config = api.config();
        Path data = tmp.resolve("data");
        StringBuilder lines = new StringBuilder(TestArchives.organisation("council", "Name0 Council", "مجلس") + "\n");
        for (int i = 0; i < NAMING; i++) {
            String link = i % 2 == 0 ? "\"issuer\":\"organisation/council\"" : "\"relatedOrganisations\":[\"organisation/council\"]";
            lines.append(TestArchives.document("naming-" + i, link)).append('\n');
        }
        try (Archive a = Archive.open(TestArchives.config(data))) {
            TestArchives.load(a.store(), lines.toString());
        }
        HttpClient http = HttpClient.newHttpClient();
        List<String> rounds = new ArrayList<>();
        int midway = 0;
        for (int round = 1; round <= KILL_AFTER_MILLIS.length; round++) {
            Process server = WriteApiCrashTest.forkServer(data, config);
            URI uri = WriteApiCrashTest.awaitServing(server);
            String name = "Name" + round;
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(uri.resolve("api/records/organisation/council"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(TestArchives.organisation("council", name + " Council", "مجلس " + round))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, put.statusCode(), put.body());
            Thread.sleep(KILL_AFTER_MILLIS[round - 1]);
            server.destroyForcibly();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS));

            long carriedAtTheKill;
            try (Archive asLeft = Archive.openToVerify(TestArchives.config(data))) {
                carriedAtTheKill = named(asLeft, name) - 1;
            }
            try (Archive a = Archive.open(TestArchives.config(data))) {
                long deadline = System.nanoTime() + 120_000_000_000L;
                while (a.index().renamesPending() > 0 && System.nanoTime() < deadline) Thread.sleep(20);
                assertEquals(0, a.index().renamesPending(), "round " + round + ": still carrying after two minutes");
                assertEquals(NAMING + 1, named(a, name), "round " + round + ": every document naming it, by its new name");
                assertEquals(0, named(a, "Name" + (round - 1)), "round " + round + ": none by the old one");
                Verification v = Verification.of(a.store(), a.listing(), a.index().sequence(), 10);
                assertTrue(v.agree(), "round " + round + ": " + v.differences());
            }
            rounds.add(carriedAtTheKill + " of " + NAMING + " carried on disk at the kill");
            if (carriedAtTheKill > 0 && carriedAtTheKill < NAMING) midway++;
        }
        System.out.println("RenameCrashTest: " + rounds);
        assertTrue(midway > 0, "no kill landed while the rename was being carried (" + rounds + "): the test proved nothing");
    }
}
