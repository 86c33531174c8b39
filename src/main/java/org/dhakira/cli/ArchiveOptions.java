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

    Config resolve(Map<String, String> more) {
        Map<String, String> flags = new LinkedHashMap<>(more);
        if (data != null) flags.put("data", data.toString());
        if (base != null) flags.put("base", base);
        if (home != null) flags.put("home", home.toString());
        return Config.resolve(Optional.ofNullable(config), System.getenv(), flags);
    }

    Archive open() {
        return Archive.open(resolve(Map.of()));
    }
}
