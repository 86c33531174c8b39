package org.dhakira.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.jena.riot.Lang;

/** The input formats the loader reads, recognised by file name ({@code .gz} allowed on any). */
public enum Format {
    JSON(null, ".json", ".jsonl", ".ndjson"),
    JSONLD(Lang.JSONLD, ".jsonld"),
    TURTLE(Lang.TURTLE, ".ttl"),
    TRIG(Lang.TRIG, ".trig"),
    NQUADS(Lang.NQUADS, ".nq"),
    NTRIPLES(Lang.NTRIPLES, ".nt"),
    RDFXML(Lang.RDFXML, ".rdf", ".owl");

    private final Lang lang;
    private final String[] extensions;

    Format(Lang lang, String... extensions) {
        this.lang = lang;
        this.extensions = extensions;
    }

    /** The Jena language, for RDF formats. */
    public Optional<Lang> lang() {
        return Optional.ofNullable(lang);
    }

    public static Optional<Format> ofFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) n = n.substring(0, n.length() - 3);
        for (Format f : values()) {
            for (String ext : f.extensions) if (n.endsWith(ext)) return Optional.of(f);
        }
        return Optional.empty();
    }

    /** ".json, .jsonl, …" for messages. */
    public static String extensions() {
        return Arrays.stream(values()).flatMap(f -> Arrays.stream(f.extensions)).collect(Collectors.joining(", "));
    }
}
