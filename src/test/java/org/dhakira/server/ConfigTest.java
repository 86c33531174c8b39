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

    @Test
    void oaiSettingsFromTheFileAndTheEnvironment() throws IOException {
        Path file = tmp.resolve("oai.properties");
        Files.writeString(file, "oai.name=أرشيف الاختبار\noai.identifier=archive.example.org\noai.pageSize=50\n", java.nio.charset.StandardCharsets.UTF_8);
        Config c = Config.resolve(Optional.of(file), Map.of("DHAKIRA_OAI_ADMINEMAIL", "keeper@archive.example.org"), Map.of());
        assertEquals("أرشيف الاختبار", c.oai().name(), "the file is read as UTF-8");
        assertEquals(Optional.of("archive.example.org"), c.oai().identifier());
        assertEquals(Optional.of("keeper@archive.example.org"), c.oai().adminEmail());
        assertEquals(50, c.oai().pageSize());
        assertEquals(Config.Oai.DEFAULTS, Config.resolve(Optional.empty(), Map.of(), Map.of()).oai());
    }

    @Test
    void badOaiSettingsAreNamed() {
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> Config.resolve(Optional.empty(), Map.of("DHAKIRA_OAI_PAGESIZE", "0"), Map.of()));
        assertTrue(size.getMessage().contains("oai.pageSize must be between 1 and 1000"), size.getMessage());
        IllegalArgumentException license = assertThrows(IllegalArgumentException.class,
                () -> Config.resolve(Optional.empty(), Map.of("DHAKIRA_LICENSE", "CC0"), Map.of()));
        assertTrue(license.getMessage().contains("license must be an http(s) URI"), license.getMessage());
        IllegalArgumentException identifier = assertThrows(IllegalArgumentException.class,
                () -> org.dhakira.oai.Repository.of("x", Optional.of("localhost"), Optional.empty(), "http://localhost:8080/", 100,
                        Config.Oai.DEFAULTS.license(), java.util.List.of()));
        assertTrue(identifier.getMessage().contains("oai.identifier must be a domain name"), identifier.getMessage());
    }

    @Test
    void theRepositoryIdentifierDefaultsToTheBaseHost() {
        var r = org.dhakira.oai.Repository.of("x", Optional.empty(), Optional.empty(), "https://archive.example.org/", 100,
                Config.Oai.DEFAULTS.license(), java.util.List.of());
        assertEquals("archive.example.org", r.identifier());
        assertEquals("archivist@archive.example.org", r.adminEmail());
        assertEquals("https://archive.example.org/oai", r.baseUrl());
        assertEquals("dhakira.local", org.dhakira.oai.Repository.of("x", Optional.empty(), Optional.empty(), "http://localhost:8080/", 100,
                Config.Oai.DEFAULTS.license(), java.util.List.of()).identifier(), "localhost is not a domain name");
    }
}
