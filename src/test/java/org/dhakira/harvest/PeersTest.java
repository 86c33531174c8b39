package org.dhakira.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.dhakira.vocab.DataFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** harvest/peers.json as a metadata librarian writes it, and the mistakes they make. */
class PeersTest {

    @TempDir
    Path home;

    private List<Peer> load(String json) throws IOException {
        Files.createDirectories(home.resolve("harvest"));
        Files.writeString(home.resolve("harvest/peers.json"), json);
        return Peers.load(new DataFiles(Optional.of(home)));
    }

    @Test
    void theBuiltInListIsEmpty() {
        assertEquals(List.of(), Peers.load(DataFiles.builtIn()));
    }

    @Test
    void aPeerWithDefaults() throws IOException {
        List<Peer> peers = load("{\"peers\": [{\"id\": \"peer-a\", \"name\": {\"ar\": \"أرشيف\", \"en\": \"Archive A\"},"
                + " \"baseUrl\": \"https://a.example.org/oai\"}]}");
        assertEquals(List.of(new Peer("peer-a", "أرشيف", "Archive A", URI.create("https://a.example.org/oai"), "oai_dc", List.of(),
                Duration.ofHours(24), true)), peers);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "{\"peers\": [{\"id\": \"a\", \"name\": {\"en\": \"A\"}, \"baseUrl\": \"https://a.org/oai\"}]} | peer 1 (a): name needs both | a name in one language",
            "{\"peers\": [{\"id\": \"a\", \"name\": {\"ar\": \"أ\", \"en\": \"A\"}, \"baseUrl\": \"file:///etc/passwd\"}]} | peer 1 (a): baseUrl must be an http(s) URL | a URL that is not http",
            "{\"peers\": [{\"id\": \"a\", \"name\": {\"ar\": \"أ\", \"en\": \"A\"}}]} | peer 1 (a): baseUrl is missing | no URL",
            "{\"peers\": [{\"id\": \"A B\", \"name\": {\"ar\": \"أ\", \"en\": \"A\"}, \"baseUrl\": \"https://a.org/oai\"}]} | peer 1 (A B): id must be | an id with spaces",
            "{\"peers\": [{\"id\": \"a\", \"name\": {\"ar\": \"أ\", \"en\": \"A\"}, \"baseUrl\": \"https://a.org/oai\", \"every\": \"daily\"}]} | every must be an ISO-8601 duration | a schedule that is not a duration",
            "{\"peers\": [{\"id\": \"a\", \"name\": {\"ar\": \"أ\", \"en\": \"A\"}, \"baseUrl\": \"https://a.org/oai\"}, {\"id\": \"a\", \"name\": {\"ar\": \"أ\", \"en\": \"A\"}, \"baseUrl\": \"https://b.org/oai\"}]} | peer 2 (a): id 'a' is used twice | an id twice",
            "{\"peers\": [ | not valid JSON | broken JSON",
            "{\"peer\": []} | must be an object with a \"peers\" list | the wrong key",
    })
    void mistakesAreNamed(String json, String message, String what) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load(json), what);
        assertTrue(e.getMessage().startsWith("harvest/peers.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(message), what + ": " + e.getMessage());
    }
}
