package org.dhakira.sparql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;

/**
 * The formats an answer can take: result tables (SELECT, ASK) in the four standard formats, graphs (CONSTRUCT,
 * DESCRIBE) in four RDF syntaxes. Each has its media type, Jena's writer, and the short names clients put in
 * {@code format=} or {@code output=}.
 */
public enum ResultFormat {
    JSON("application/sparql-results+json", ResultSetLang.RS_JSON, false, "json", "srj", "application/json"),
    XML("application/sparql-results+xml", ResultSetLang.RS_XML, false, "xml", "srx", "application/xml", "text/xml"),
    CSV("text/csv", ResultSetLang.RS_CSV, false, "csv"),
    TSV("text/tab-separated-values", ResultSetLang.RS_TSV, false, "tsv"),
    TURTLE("text/turtle", Lang.TURTLE, true, "turtle", "ttl"),
    JSONLD("application/ld+json", Lang.JSONLD, true, "json-ld", "jsonld", "application/json"),
    RDFXML("application/rdf+xml", Lang.RDFXML, true, "rdf-xml", "rdfxml", "rdf", "application/xml", "text/xml"),
    NTRIPLES("application/n-triples", Lang.NTRIPLES, true, "n-triples", "ntriples", "nt", "text/plain");

    private final String mediaType;
    private final Lang lang;
    private final boolean graph;
    private final List<String> names;

    ResultFormat(String mediaType, Lang lang, boolean graph, String... names) {
        this.mediaType = mediaType;
        this.lang = lang;
        this.graph = graph;
        this.names = List.of(names);
    }

    public String mediaType() {
        return mediaType;
    }

    /** The media types this format answers to: its own, then the looser ones clients send ({@code application/json}). */
    public List<String> mediaTypes() {
        List<String> out = new ArrayList<>();
        out.add(mediaType);
        names.stream().filter(n -> n.contains("/")).forEach(out::add);
        return List.copyOf(out);
    }

    /** Jena's writer language for this format. */
    public Lang lang() {
        return lang;
    }

    /** Whether this is a format for graphs (CONSTRUCT, DESCRIBE) rather than result tables. */
    public boolean graph() {
        return graph;
    }

    /** The formats for result tables, or for graphs; the first is the default. */
    public static List<ResultFormat> forGraphs(boolean graphs) {
        return Arrays.stream(values()).filter(f -> f.graph == graphs).toList();
    }

    /**
     * The format a {@code format=} or {@code output=} value names among {@code candidates}: a short name
     * ({@code csv}, {@code ttl}) or a media type. {@code json} and {@code xml} mean the table formats for tables
     * and JSON-LD and RDF/XML for graphs, as clients mean them.
     */
    public static Optional<ResultFormat> named(String value, List<ResultFormat> candidates) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        boolean graphs = !candidates.isEmpty() && candidates.get(0).graph;
        if (graphs && v.equals("json")) return Optional.of(JSONLD);
        if (graphs && v.equals("xml")) return Optional.of(RDFXML);
        return candidates.stream().filter(f -> f.mediaType.equals(v) || f.names.contains(v)).findFirst();
    }
}
