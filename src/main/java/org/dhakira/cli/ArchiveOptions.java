package org.dhakira.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.dhakira.server.Archive;
import org.dhakira.server.Config;

import picocli.CommandLine.Option;

/** The options every command that opens the archive shares: where its configuration and data are. */
final class ArchiveOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "A configuration file (properties; see README).")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", description = "The TDB2 store's folder (default: data).")
    Path data;

    @Option(names = "--base", paramLabel = "URI", description = "The base URI of the archive's things (default: http://localhost:{port}/).")
    String base;

    @Option(names = "--home", paramLabel = "DIR", description = "A folder with edited copies of vocab/, harvest/, server/.")
    Path home;

    @Option(names = "--verbose", description = "Show stack traces of failures.")
    boolean verbose;

    /** The configuration from every source; a bad value is a usage error (exit code 2). */
    Config resolve(Map<String, String> more) {
        Map<String, String> flags = new LinkedHashMap<>(more);
        if (data != null) flags.put("data", data.toString());
        if (base != null) flags.put("base", base);
        if (home != null) flags.put("home", home.toString());
        if (config != null && !java.nio.file.Files.isRegularFile(config)) {
            throw new UsageException("there is no configuration file " + config);
        }
        try {
            return Config.resolve(Optional.ofNullable(config), System.getenv(), flags);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Opens the archive, creating it if need be (serve, load). */
    Archive open() {
        return open(resolve(Map.of()), false);
    }

    /** Opens an archive that must exist (stats, export, reindex). */
    Archive openExisting() {
        return open(resolve(Map.of()), true);
    }

    static Archive open(Config config, boolean existing) {
        try {
            return existing ? Archive.openExisting(config) : Archive.open(config);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** A mistake in what the user asked for, reported in one line with exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }
}
