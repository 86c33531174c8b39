package org.dhakira.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.dhakira.TestArchives;
import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.dhakira.server.Config;
import org.dhakira.store.Batch;
import org.dhakira.store.RecordId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A burst of writes: one writes, a bounded line waits, the rest are answered 503 with Retry-After, nothing written. */
class WriteAdmissionTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void writesBeyondTheLineAreRefusedWithRetryAfterAndWriteNothing() throws Exception {
        String token = ApiTokens.mint();
        Path tokens = Files.writeString(tmp.resolve("tokens"), ApiTokens.line("editor", token) + "\n");
        Config base = TestArchives.config(tmp.resolve("data"));
        Config config = new Config(base.host(), base.port(), base.data(), base.base(), base.home(), base.oai(), base.sparql(), base.http(),
                base.queue(), new Config.Api(Optional.of(tokens), 1, Duration.ofSeconds(600)));
        try (Archive archive = Archive.open(config); ArchiveServer server = ArchiveServer.start(archive)) {
            CompletableFuture<HttpResponse<String>> first, second;
            HttpResponse<String> third;
            // The store's one writer is taken (as by a long load or a compaction): the first write has its turn and
            // waits for the store, the second waits in the line, the third finds the line full.
            try (Batch held = archive.store().begin()) {
                first = HTTP.sendAsync(put(server, token, "first"), HttpResponse.BodyHandlers.ofString());
                awaitHealth(server, "writesRunning", 1);
                second = HTTP.sendAsync(put(server, token, "second"), HttpResponse.BodyHandlers.ofString());
                awaitHealth(server, "writesWaiting", 1);
                third = HTTP.send(put(server, token, "third"), HttpResponse.BodyHandlers.ofString());
            }
            assertEquals(503, third.statusCode(), third.body());
            assertTrue(third.headers().firstValue("Retry-After").isPresent());
            assertTrue(third.body().contains("1 writes are running and 1 more are waiting"), third.body());
            assertEquals(201, first.get().statusCode(), first.get().body());
            assertEquals(201, second.get().statusCode(), second.get().body());
            assertTrue(archive.store().status(RecordId.parse("document/third")).isEmpty(), "the refused write wrote nothing");
            assertTrue(archive.store().status(RecordId.parse("document/second")).isPresent());
        }
    }

    private static HttpRequest put(ArchiveServer server, String token, String key) {
        return HttpRequest.newBuilder(server.uri().resolve("api/records/document/" + key)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(TestArchives.document(key, ""))).build();
    }

    /** Asks /health until {@code field} reads {@code value}: the line as the server sees it, not a guess of timing. */
    private static void awaitHealth(ArchiveServer server, String field, int value) throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < 6000; i++) {
            String body = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("health")).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (json.readTree(body).path(field).asInt(-1) == value) return;
            Thread.sleep(10);
        }
        throw new AssertionError("/health never said " + field + " = " + value);
    }
}
