package org.dhakira.web;

import java.util.Arrays;
import java.util.Optional;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;

/**
 * The formats a thing's description is offered in, each with its file ending ({@code /doc/…/key.ttl}) and media
 * type; all but HTML are RDF, written by Jena.
 */
public enum Representation {
    HTML("html", "text/html", null),
    TURTLE("ttl", "text/turtle", RDFFormat.TURTLE_BLOCKS),
    JSON_LD("jsonld", "application/ld+json", RDFFormat.JSONLD11),
    RDF_XML("rdf", "application/rdf+xml", RDFFormat.RDFXML_PLAIN),
    N_TRIPLES("nt", "application/n-triples", RDFFormat.NTRIPLES_UTF8);

    private final String ending;
    private final String mediaType;
    private final RDFFormat rdf;

    Representation(String ending, String mediaType, RDFFormat rdf) {
        this.ending = ending;
        this.mediaType = mediaType;
        this.rdf = rdf;
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
