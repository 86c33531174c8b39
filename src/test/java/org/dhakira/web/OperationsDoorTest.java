package org.dhakira.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import org.dhakira.DoorAnswers;
import org.dhakira.TestArchives;
import org.dhakira.crawl.CrawlSettings;
import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.dhakira.store.Backup;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The operator's doors of a running server: an online backup that is one change's snapshot while writes go on,
 * restored as the same archive; an online compaction after which every door answers as before.
 */
class OperationsDoorTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private String token;
    private Archive archive;
    private ArchiveServer server;

    @BeforeEach
    void start() throws Exception {
        token = ApiTokens.mint();
        Path tokens = Files.writeString(tmp.resolve("tokens"), ApiTokens.line("operator", token) + "\n");
        archive = Archive.open(TestArchives.config(tmp.resolve("data")).withApiTokens(tokens));
        server = ArchiveServer.start(archive, CrawlSettings.WITHOUT_DUMPS); // a dump is written on its own clock: not the archive's answer
        // Organisations first, then the documents that name them: the index then holds every linked name.
        TestArchives.load(archive.store(), TestArchives.organisation("syrian-coalition", "Syrian Coalition", "الائتلاف") + "\n"
                + TestArchives.organisation("amnesty", "Amnesty International", "منظمة العفو") + "\n");
        StringBuilder docs = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            docs.append(TestArchives.document("d" + i, "\"issuer\":\"organisation/" + (i % 2 == 0 ? "syrian-coalition" : "amnesty")
                    + "\",\"body\":{\"en\":\"About Syria, number " + i + "\"}")).append('\n');
        }
        TestArchives.load(archive.store(), docs.toString());
        TestArchives.load(archive.store(), "{\"id\":\"document/d11\",\"kind\":\"document\",\"deleted\":true}\n");
    }

    @AfterEach
    void stop() {
        server.close();
        archive.close();
    }

    private HttpResponse<String> put(String key, String title) throws Exception {
        String body = TestArchives.document(key, "").replace("Statement " + key, title);
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve("api/records/document/" + key)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void writesGoOnWhileABackupIsTakenAndItHoldsOneChangeWhole() throws Exception {
        long at = archive.store().position().sequence();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch writesDone = new CountDownLatch(1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // The backup stops after its first bytes, inside its read transaction, until the writes below have returned.
        OutputStream held = new FilterOutputStream(bytes) {
            boolean first = true;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (first) {
                    first = false;
                    started.countDown();
                    try {
                        if (!writesDone.await(2, TimeUnit.MINUTES)) throw new IOException("the writes never returned");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException(e);
                    }
                }
                out.write(b, off, len);
            }
        };
        CompletableFuture<Long> backup = CompletableFuture.supplyAsync(() -> Backup.write(archive.store(), held));
        assertTrue(started.await(1, TimeUnit.MINUTES), "the backup began");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) statuses.add(put("during-" + i, "Written during the backup " + i).statusCode());
        statuses.add(put("d0", "Rewritten during the backup").statusCode());
        writesDone.countDown();
        assertEquals(List.of(201, 201, 201, 201, 201, 201, 201, 201, 201, 201, 200), statuses, "every write returned while the backup was open");
        assertEquals(at, backup.get(1, TimeUnit.MINUTES), "the backup is of the change it began at");
        assertEquals(at + 11, archive.store().position().sequence());

        Backup.Restored restored = Backup.restore(tmp.resolve("restored"), new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(at, restored.lastSequence());
        try (RecordStore again = TestArchives.store(tmp.resolve("restored"))) {
            assertEquals(at, again.position().sequence());
            for (int i = 0; i < 10; i++) assertTrue(again.status(RecordId.parse("document/during-" + i)).isEmpty(), "during-" + i);
            RecordId d0 = RecordId.parse("document/d0");
            assertTrue(again.find(d0).orElseThrow().sequence() <= at);
            assertTrue(again.find(d0).orElseThrow().graph().toString().contains("Statement d0"), "d0 as it was");
            List<RecordId> upTo = archive.store().changedSince(0).stream().filter(id -> {
                long s = archive.store().find(id).orElseThrow().sequence();
                return s <= at;
            }).toList();
            // Every record whose last change is at or before the backup's is there, at that change.
            for (RecordId id : upTo) {
                assertEquals(archive.store().find(id).orElseThrow().sequence(), again.find(id).orElseThrow().sequence(), id.path());
            }
            assertEquals(upTo.size() + 1, again.changedSince(0).size(), "and d0, at its earlier change");
        }
    }

    @Test
    void theBackupDoorNeedsATokenAndRestoresAsTheSameArchive() throws Exception {
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("api/backup")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("api/backup"))
                .header("Authorization", "Bearer " + token).header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("application/gzip", r.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(r.headers().firstValue("Content-Encoding").isEmpty(), "not compressed a second time");
        Map<String, String> original = DoorAnswers.of(server.uri(), archive.store().changedSince(0));
        List<RecordId> ids = archive.store().changedSince(0);
        server.close();
        archive.close();

        Path data = tmp.resolve("again");
        Backup.restore(data.resolve("store"), new GZIPInputStream(new ByteArrayInputStream(r.body())));
        archive = Archive.open(TestArchives.config(data));
        server = ArchiveServer.start(archive, CrawlSettings.WITHOUT_DUMPS); // a dump is written on its own clock: not the archive's answer
        assertEquals(ids, archive.store().changedSince(0));
        assertSameAnswers(original, DoorAnswers.of(server.uri(), ids));
    }

    @Test
    void compactionWhileServingShrinksTheStoreAndEveryDoorAnswersTheSame() throws Exception {
        for (int round = 0; round < 60; round++) {
            StringBuilder again = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                again.append(TestArchives.document("d" + i, "\"issuer\":\"organisation/syrian-coalition\",\"body\":{\"en\":\"Syria, " + ("round " + round + " ").repeat(1500) + "\"}")).append('\n');
            }
            TestArchives.load(archive.store(), again.toString());
        }
        List<RecordId> ids = archive.store().changedSince(0);
        Map<String, String> before = DoorAnswers.of(server.uri(), ids);
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("api/compact"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("api/compact")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode c = JSON.readTree(r.body());
        assertTrue(c.get("bytesAfter").asLong() < c.get("bytesBefore").asLong(), r.body());
        assertEquals(archive.store().position().sequence(), c.get("sequence").asLong());
        try (var generations = Files.list(tmp.resolve("data/store"))) {
            assertEquals(List.of("Data-0002"), generations.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("Data-")).toList(), "the old generation is gone");
        }
        assertSameAnswers(before, DoorAnswers.of(server.uri(), ids));
        // And the store goes on taking writes, in the new generation.
        assertEquals(201, put("after-compaction", "Written after the compaction").statusCode());
        assertTrue(archive.store().status(RecordId.parse("document/after-compaction")).isPresent());
    }

    static void assertSameAnswers(Map<String, String> expected, Map<String, String> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        List<String> differ = expected.keySet().stream().filter(k -> !expected.get(k).equals(actual.get(k))).toList();
        assertEquals(List.of(), differ, "answers that differ");
    }
}
