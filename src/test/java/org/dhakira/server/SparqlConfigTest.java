package org.dhakira.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SPARQL door's settings: defaults, the file and the environment, and values refused by name. */
class SparqlConfigTest {

    @TempDir
    Path tmp;

    @Test
    void defaultsAreThirtySecondsTenThousandRowsAndNoServices() {
        Config c = Config.resolve(Optional.empty(), Map.of(), Map.of());
        assertEquals(new Config.Sparql(Duration.ofSeconds(30), 10_000, List.of()), c.sparql());
        Config plain = new Config("127.0.0.1", 0, tmp, Optional.empty(), Optional.empty());
        assertEquals(Config.Sparql.DEFAULTS, plain.sparql());
    }

    @Test
    void settingsComeFromTheFileAndTheEnvironment() throws IOException {
        Path file = tmp.resolve("dhakira.properties");
        Files.writeString(file, "sparql.timeout=5\nsparql.rowCap=100\nsparql.serviceAllowList=https://query.example/sparql, http://peer.example/sparql\n");
        Config c = Config.resolve(Optional.of(file), Map.of("DHAKIRA_SPARQL_ROWCAP", "200"), Map.of());
        assertEquals(Duration.ofSeconds(5), c.sparql().timeout());
        assertEquals(200, c.sparql().rowCap());
        assertEquals(List.of("https://query.example/sparql", "http://peer.example/sparql"), c.sparql().serviceAllowList());
    }

    @Test
    void badValuesAreNamed() {
        IllegalArgumentException timeout = assertThrows(IllegalArgumentException.class,
                () -> Config.resolve(Optional.empty(), Map.of("DHAKIRA_SPARQL_TIMEOUT", "0"), Map.of()));
        assertTrue(timeout.getMessage().contains("sparql.timeout"), timeout.getMessage());
        IllegalArgumentException cap = assertThrows(IllegalArgumentException.class,
                () -> Config.resolve(Optional.empty(), Map.of("DHAKIRA_SPARQL_ROWCAP", "lots"), Map.of()));
        assertTrue(cap.getMessage().contains("sparql.rowCap must be a number"), cap.getMessage());
        IllegalArgumentException service = assertThrows(IllegalArgumentException.class,
                () -> Config.resolve(Optional.empty(), Map.of("DHAKIRA_SPARQL_SERVICEALLOWLIST", "file:///etc/passwd"), Map.of()));
        assertTrue(service.getMessage().contains("not an http(s) URL"), service.getMessage());
    }
}
