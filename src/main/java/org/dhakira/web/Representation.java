package org.dhakira.web;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;

/**
 * The formats a thing's description is offered in, each with its file ending ({@code /doc/…/key.ttl}) and media
 * type; all but HTML are RDF, written by Jena ({@link #rdf()}), except a record's description in Turtle, which
 * {@link DescriptionTurtle} writes.
 */
public enum Representation {
    // The order breaks ties: a client that takes anything (curl, */*) gets Turtle, readable by people and machines.
    TURTLE("Turtle", "ttl", "text/turtle", RDFFormat.TURTLE_BLOCKS, "application/x-turtle", "text/n3", "text/rdf+n3"),
    HTML("HTML", "html", "text/html", null, "application/xhtml+xml"),
    JSON_LD("JSON-LD", "jsonld", "application/ld+json", RDFFormat.JSONLD11, "application/json"),
    RDF_XML("RDF/XML", "rdf", "application/rdf+xml", RDFFormat.RDFXML_PLAIN, "application/xml", "text/xml"),
    N_TRIPLES("N-Triples", "nt", "application/n-triples", RDFFormat.NTRIPLES_UTF8, "text/plain");

    private final String label;
    private final String ending;
    private final String mediaType;
    private final RDFFormat rdf;
    /** The older or looser names clients ask for it by (rdflib asks N-Triples as text/plain). */
    private final List<String> aliases;

    Representation(String label, String ending, String mediaType, RDFFormat rdf, String... aliases) {
        this.label = label;
        this.ending = ending;
        this.mediaType = mediaType;
        this.rdf = rdf;
        this.aliases = List.of(aliases);
    }

    /**
     * The representation {@code accept} prefers: the highest weight, then the most specific range (a browser's
     * {@code text/html} wins over its <code>&#42;/&#42;</code> at equal weight), then this enum's
     * order. Empty when the header accepts none of them (406).
     */
    public static Optional<Representation> preferred(AcceptHeader accept) {
        return preferred(accept, Arrays.asList(values()));
    }

    /** The one of {@code offered} that {@code accept} prefers, by the same rules; for documents offered in RDF only. */
    public static Optional<Representation> preferred(AcceptHeader accept, java.util.Collection<Representation> offered) {
        Representation chosen = null;
        AcceptHeader.Match best = null;
        for (Representation r : values()) {
            if (!offered.contains(r)) continue;
            Optional<AcceptHeader.Match> m = accept.best(r.mediaType, r.aliases);
            if (m.isEmpty()) continue;
            AcceptHeader.Match x = m.get();
            if (best == null || x.q() > best.q() || (x.q() == best.q() && x.specificity() > best.specificity())) {
                chosen = r;
                best = x;
            }
        }
        return Optional.ofNullable(chosen);
    }

    /** "text/turtle, text/html, …": what a 406 answer lists. */
    public static String offered() {
        return String.join(", ", Arrays.stream(values()).map(Representation::mediaType).toList());
    }

    /** Every format but HTML. */
    public static final java.util.Set<Representation> RDF = java.util.EnumSet.of(TURTLE, JSON_LD, RDF_XML, N_TRIPLES);

    /** The format's name as people know it: "Turtle", "JSON-LD". */
    public String label() {
        return label;
    }

    public String ending() {
        return ending;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The media type with its charset, as sent in {@code Content-Type}. */
    public String contentType() {
        return mediaType + ";charset=utf-8";
    }

    /** Jena's writer format; empty for HTML. */
    public Optional<RDFFormat> rdf() {
        return Optional.ofNullable(rdf);
    }

    public Optional<Lang> lang() {
        return rdf().map(RDFFormat::getLang);
    }

    public static Optional<Representation> byEnding(String ending) {
        return Arrays.stream(values()).filter(r -> r.ending.equals(ending)).findFirst();
    }
}
