package org.dhakira.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;


import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * One document offered as HTML and in four RDF syntaxes, at one URL that negotiates ({@code {base}vocab}) and at
 * one URL per format ({@code {base}vocab.ttl}): which format a request gets, and the headers every answer carries
 * so that caches and crawlers can tell the representations apart (Vary, Content-Location, a Link to each
 * alternate, a weak ETag); the formats and their negotiation are {@link Representation}'s.
 *
 * <pre>{@code Alternates doc = new Alternates(base + "vocab");
 * return doc.answer(request, Representation.TURTLE, bytes, true);}</pre>
 */
final class Alternates {

    private final String url;

    /** @param url the negotiating URL, absolute, without an extension */
    Alternates(String url) {
        this.url = url;
    }

    /**
     * The answer for {@code body} in {@code format}: 200, or 304 when {@code If-None-Match} names its ETag.
     * {@code negotiated} says the request came to the negotiating URL, which then varies by Accept.
     */
    Response answer(Request request, Representation format, byte[] body, boolean negotiated) {
        EntityTag tag = new EntityTag(digest(body), true);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        // No Content-Length here: Jersey's encoding filter may still gzip the body for a client that asks.
        Response.ResponseBuilder r = unchanged != null ? unchanged : Response.ok(body, format.contentType());
        links(r).tag(tag).header("Content-Location", url + "." + format.ending());
        if (negotiated) r.header("Vary", "Accept, Accept-Language");
        else if (format == Representation.HTML) r.header("Vary", "Accept-Language");
        return r.build();
    }

    /** 406, naming the formats on offer (as text, and as Link headers a client can follow). */
    Response notAcceptable() {
        return links(Response.status(Response.Status.NOT_ACCEPTABLE)).header("Vary", "Accept").type("text/plain;charset=utf-8")
                .entity("This document is offered as " + Representation.offered() + "; the Accept header takes none of them.\n").build();
    }

    /** A {@code Link} to each alternate format of the document at {@code url} (RFC 8288). */
    static String alternates(String url) {
        StringBuilder link = new StringBuilder();
        for (Representation alt : Representation.values()) {
            if (link.length() > 0) link.append(", ");
            link.append('<').append(url).append('.').append(alt.ending()).append(">; rel=\"alternate\"; type=\"").append(alt.mediaType()).append('"');
        }
        return link.toString();
    }

    /** A link a page shows to one of its RDF alternates. */
    record Offer(String type, String href, String name) {}

    /** The RDF alternates of the page at {@code path} ({@code /vocab}, {@code /doc/…}), as links for its template. */
    static java.util.List<Offer> offers(String path) {
        return Representation.RDF.stream().map(r -> new Offer(r.mediaType(), path + "." + r.ending(), r.label())).toList();
    }

    private Response.ResponseBuilder links(Response.ResponseBuilder r) {
        return r.header("Link", alternates(url));
    }

    /**
     * A weak validator from the body's SHA-256: equal bodies share a tag across restarts, and weak since the body
     * may travel compressed.
     */
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
