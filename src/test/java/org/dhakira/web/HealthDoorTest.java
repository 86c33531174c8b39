package org.dhakira.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.dhakira.TestArchives;
import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code /health} as a probe reads it: 200 and the numbers while the store and the index serve, 503 naming what
 * does not once either stops. One server per test: the second one breaks its archive on purpose.
 */
class HealthDoorTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void readyWithTheStoresChangeTheIndexsChangeAndNoLag(@TempDir Path dir) throws Exception {
        try (Archive archive = Archive.open(TestArchives.config(dir)); ArchiveServer server = ArchiveServer.start(archive)) {
            archive.loadDemoIfEmpty();
            long sequence = archive.store().position().sequence();
            HttpResponse<String> r = get(server, "*/*");
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
            assertEquals("no-store", r.headers().firstValue("Cache-Control").orElseThrow(), "a probe must see now, not a cache");
            JsonNode json = new ObjectMapper().readTree(r.body());
            assertEquals("up", json.get("status").asText());
            assertEquals("ready", json.get("store").asText());
            assertEquals(sequence, json.get("sequence").asLong());
            assertTrue(json.has("lastChange"), r.body());
            assertEquals("current", json.get("index").asText());
            assertEquals(sequence, json.get("indexSequence").asLong());
            assertEquals(0, json.get("indexBehind").asLong());
            assertEquals(0, json.get("indexRenamesPending").asInt(), "no renamed record's names left to carry");
            assertEquals(0, json.get("queueRunning").asInt());

            TestArchives.load(archive.store(), TestArchives.document("health-check", "") + "\n");
            JsonNode after = new ObjectMapper().readTree(get(server, "application/json").body());
            assertEquals(sequence + 1, after.get("sequence").asLong(), "every change counts");
            assertEquals(sequence + 1, after.get("indexSequence").asLong(), "the index followed the write");

            HttpResponse<String> text = get(server, "text/plain");
            assertEquals(200, text.statusCode());
            assertTrue(text.body().startsWith("status: up\n") && text.body().contains("indexBehind: 0\n"), text.body());
        }
    }

    @Test
    void notReadyOnceTheIndexOrTheStoreStops(@TempDir Path dir) throws Exception {
        Archive archive = Archive.open(TestArchives.config(dir));
        try (ArchiveServer server = ArchiveServer.start(archive)) {
            archive.index().close();
            HttpResponse<String> noIndex = get(server, "application/json");
            assertEquals(503, noIndex.statusCode(), noIndex.body());
            JsonNode json = new ObjectMapper().readTree(noIndex.body());
            assertEquals("down", json.get("status").asText());
            assertEquals("ready", json.get("store").asText());
            assertEquals("unavailable", json.get("index").asText());
            assertTrue(json.get("problems").get(0).asText().contains("index is closed"), noIndex.body());

            archive.store().close();
            HttpResponse<String> noStore = get(server, "text/plain");
            assertEquals(503, noStore.statusCode(), noStore.body());
            assertTrue(noStore.body().contains("store: unavailable") && noStore.body().contains("the store cannot be read"), noStore.body());
        }
    }

    private static HttpResponse<String> get(ArchiveServer server, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve("health")).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }
}
