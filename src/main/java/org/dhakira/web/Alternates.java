package org.dhakira.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.jena.riot.RDFFormat;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;

/**
 * One document offered as HTML and in four RDF syntaxes, at one URL that negotiates ({@code {base}vocab}) and at
 * one URL per format ({@code {base}vocab.ttl}): which format a request gets, and the headers every answer carries
 * so that caches and crawlers can tell the representations apart (Vary, Content-Location, a Link to each
 * alternate, a strong ETag, CORS for any origin).
 *
 * <pre>{@code Alternates doc = new Alternates(base + "vocab");
 * Optional<Alternates.Format> f = doc.negotiate(request);
 * return doc.answer(request, f.get(), bytes, true);}</pre>
 */
final class Alternates {

    /** The formats, in the order a wildcard {@code Accept} prefers them: a browser's HTML first. */
    enum Format {
        HTML("html", "text/html", "text/html;charset=utf-8", null),
        TURTLE("ttl", "text/turtle", "text/turtle;charset=utf-8", RDFFormat.TURTLE_PRETTY),
        JSONLD("jsonld", "application/ld+json", "application/ld+json", RDFFormat.JSONLD11),
        // Plain: the abbreviating writer repeats a node's description where it nests, and rapper counts each copy.
        RDFXML("rdf", "application/rdf+xml", "application/rdf+xml", RDFFormat.RDFXML_PLAIN),
        NTRIPLES("nt", "application/n-triples", "application/n-triples", RDFFormat.NTRIPLES_UTF8);

        final String extension;
        final String mediaType;
        final String contentType;
        /** Jena's writer, null for HTML. */
        final RDFFormat rdf;

        Format(String extension, String mediaType, String contentType, RDFFormat rdf) {
            this.extension = extension;
            this.mediaType = mediaType;
            this.contentType = contentType;
            this.rdf = rdf;
        }

        static Optional<Format> byExtension(String extension) {
            return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
        }
    }

    private static final List<Variant> VARIANTS = Arrays.stream(Format.values())
            .map(f -> new Variant(MediaType.valueOf(f.mediaType), (String) null, null)).toList();

    private final String url;

    /** @param url the negotiating URL, absolute, without an extension */
    Alternates(String url) {
        this.url = url;
    }

    /** The format {@code Accept} prefers (q-values and wildcards weighed by JAX-RS); empty when it takes none. */
    Optional<Format> negotiate(Request request) {
        Variant chosen = request.selectVariant(VARIANTS);
        if (chosen == null) return Optional.empty();
        String type = chosen.getMediaType().getType() + "/" + chosen.getMediaType().getSubtype();
        return Arrays.stream(Format.values()).filter(f -> f.mediaType.equals(type)).findFirst();
    }

    /**
     * The answer for {@code body} in {@code format}: 200, or 304 when {@code If-None-Match} names its ETag.
     * {@code negotiated} says the request came to the negotiating URL, which then names the format's own URL in
     * Content-Location.
     */
    Response answer(Request request, Format format, byte[] body, boolean negotiated) {
        EntityTag tag = new EntityTag(digest(body));
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        // No Content-Length here: Jersey's encoding filter may still gzip the body for a client that asks.
        Response.ResponseBuilder r = unchanged != null ? unchanged : Response.ok(body, format.contentType);
        return headers(r, format == Format.HTML).tag(tag)
                .header("Content-Location", url + "." + format.extension)
                .build();
    }

    /** 406, naming the formats on offer (as text, and as Link headers a client can follow). */
    Response notAcceptable() {
        String offered = Arrays.stream(Format.values()).map(f -> f.mediaType).collect(Collectors.joining(", "));
        return headers(Response.status(Response.Status.NOT_ACCEPTABLE), false).type("text/plain;charset=utf-8")
                .entity("This document is offered as " + offered + "; the Accept header takes none of them.\n").build();
    }

    private Response.ResponseBuilder headers(Response.ResponseBuilder r, boolean html) {
        for (Format f : Format.values()) {
            r.header("Link", "<" + url + "." + f.extension + ">; rel=\"alternate\"; type=\"" + f.mediaType + "\"");
        }
        return cors(r).header("Vary", html ? "Accept, Accept-Language" : "Accept");
    }

    /** Any origin may read: the documents are public, and scripts in other archives' pages use them. */
    static Response.ResponseBuilder cors(Response.ResponseBuilder r) {
        return r.header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Expose-Headers", "Content-Location, ETag, Link, Last-Modified");
    }

    /** A strong validator: the bytes' digest, so equal bodies share a tag across restarts. */
    static String digest(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
