package org.dhakira.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP limits and the admission queue: defaults from the built-in file, overrides, values refused by name, and the README's table. */
class LimitsConfigTest {

    @Test
    void theBuiltInFileGivesTheDefaults(@TempDir Path tmp) {
        Config c = Config.resolve(Optional.empty(), Map.of(), Map.of());
        assertEquals(Config.Http.DEFAULTS, c.http());
        assertEquals(Config.Queue.DEFAULTS, c.queue());
        assertEquals(new Config.Http(1 << 20, 8192, 16384, Duration.ofSeconds(30), Duration.ofSeconds(20)), c.http());
        assertEquals(Config.Queue.DEFAULTS, new Config("127.0.0.1", 0, tmp, Optional.empty(), Optional.empty()).queue());
    }

    @Test
    void theFileAndTheEnvironmentSetThem(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("dhakira.properties");
        Files.writeString(file, "http.maxBody=65536\nqueue.running=1\nqueue.wait=3\n");
        Config c = Config.resolve(Optional.of(file), Map.of("DHAKIRA_HTTP_HEADTIMEOUT", "5", "DHAKIRA_QUEUE_WAITING", "0"), Map.of());
        assertEquals(65536, c.http().maxBody());
        assertEquals(Duration.ofSeconds(5), c.http().headTimeout());
        assertEquals(new Config.Queue(1, 0, Duration.ofSeconds(3)), c.queue());
    }

    @Test
    void badValuesAreRefusedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Config.resolve(Optional.empty(), Map.of("DHAKIRA_HTTP_MAXBODY", "10"), Map.of()))
                .getMessage().contains("http.maxBody must be at least 1024 bytes, was 10"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Config.resolve(Optional.empty(), Map.of("DHAKIRA_QUEUE_RUNNING", "0"), Map.of()))
                .getMessage().contains("queue.running"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Config.resolve(Optional.empty(), Map.of("DHAKIRA_HTTP_IDLETIMEOUT", "0"), Map.of()))
                .getMessage().contains("http.idleTimeout must be between 1 and 3600 seconds"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Config.resolve(Optional.empty(), Map.of("DHAKIRA_QUEUE_WAIT", "soon"), Map.of()))
                .getMessage().contains("queue.wait must be a number, was 'soon'"));
    }

    @Test
    void theReadmeDocumentsEveryKey() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        for (String key : Config.KEYS) assertTrue(readme.contains("| `" + key + "` |"), "README's configuration table lacks " + key);
    }
}
