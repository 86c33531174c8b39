package org.dhakira.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    @TempDir
    Path tmp;

    @Test
    void defaultsComeFromTheBuiltInFile() {
        Config c = Config.resolve(Optional.empty(), Map.of(), Map.of());
        assertEquals(8080, c.port());
        assertEquals(Path.of("data"), c.data());
        assertEquals(Optional.empty(), c.base());
        assertEquals("http://localhost:8080/", c.defaultBase());
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFile() throws IOException {
        Path file = tmp.resolve("dhakira.properties");
        Files.writeString(file, "port=7000\ndata=/srv/a\nbase=https://archive.example/\n");
        Config fromFile = Config.resolve(Optional.of(file), Map.of(), Map.of());
        assertEquals(7000, fromFile.port());
        assertEquals("https://archive.example/", fromFile.base().orElseThrow());
        Config fromEnv = Config.resolve(Optional.of(file), Map.of("DHAKIRA_PORT", "7100", "DHAKIRA_DATA", "/srv/b"), Map.of());
        assertEquals(7100, fromEnv.port());
        assertEquals(Path.of("/srv/b"), fromEnv.data());
        Config fromFlags = Config.resolve(Optional.of(file), Map.of("DHAKIRA_PORT", "7100"), Map.of("port", "7200"));
        assertEquals(7200, fromFlags.port());
    }

    @Test
    void badValuesAreNamed() throws IOException {
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
                () -> Config.resolve(Optional.empty(), Map.of("DHAKIRA_PORT", "eighty"), Map.of()));
        assertTrue(port.getMessage().contains("port must be a number"), port.getMessage());
        IllegalArgumentException base = assertThrows(IllegalArgumentException.class,
                () -> Config.resolve(Optional.empty(), Map.of(), Map.of("base", "ftp://x/")));
        assertTrue(base.getMessage().contains("base must be an http(s) URI"), base.getMessage());
        Path file = tmp.resolve("typo.properties");
        Files.writeString(file, "prot=1\n");
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
                () -> Config.resolve(Optional.of(file), Map.of(), Map.of()));
        assertTrue(key.getMessage().contains("unknown key 'prot'"), key.getMessage());
    }
}
