package org.dhakira.web;

import java.net.URI;
import java.util.Date;
import java.util.Optional;

import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;
import org.dhakira.vocab.Kind;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * The things' URIs and their descriptions, as linked data wants them (DESIGN, Identifiers).
 * {@code /id/{kind}/{key}} names the thing and answers 303 See Other to its description {@code /doc/{kind}/{key}},
 * which negotiates Turtle, HTML, JSON-LD, RDF/XML or N-Triples from {@code Accept}; {@code /doc/{kind}/{key}.ttl}
 * (and {@code .html}, {@code .jsonld}, {@code .rdf}, {@code .nt}) is one format, whatever the client accepts.
 * Deleted things answer 410 Gone with their tombstone, unknown ones 404, unacceptable formats 406. Every
 * description carries its alternates and the license in {@code Link}, an {@code ETag} and {@code Last-Modified},
 * and answers conditional requests with 304. Most description requests are answered before Jersey by
 * {@link DescriptionDoor}, from the same {@link DescriptionAnswers}; the methods here answer the rest.
 */
@Path("/")
public final class RecordResource {

    private final DescriptionAnswers answers;
    private final RecordStore store;

    public RecordResource(DescriptionAnswers answers, RecordStore store) {
        this.answers = answers;
        this.store = store;
    }

    @GET
    @Path("id/{kind}/{key}")
    public Response thing(@PathParam("kind") String kind, @PathParam("key") String key, @QueryParam("lang") String lang,
                          @Context HttpHeaders headers) {
        Optional<RecordId> id = DescriptionAnswers.recordId(kind, key);
        if (id.flatMap(store::status).isEmpty()) {
            return jersey(answers.notFound(kind, key, headers.getHeaderString(HttpHeaders.ACCEPT),
                    headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE), lang)).build();
        }
        // The archive's own base, never the Host header; no format is chosen here, so the client's Accept goes on
        // to choose at the description, and a page's language choice is kept.
        String target = store.base() + "doc/" + id.get().path() + (PageFrame.chooses(lang) ? "?lang=" + lang : "");
        return Response.seeOther(URI.create(target)).build();
    }

    /** A kind without a key names nothing; the answer says what does. */
    @GET
    @Path("{door: id|doc}/{kind}")
    public Response noKey() {
        return Response.status(Response.Status.NOT_FOUND).header("Vary", "Accept").type("text/plain;charset=utf-8")
                .entity("A thing's URI names its kind and its key: " + store.base() + "id/{kind}/{key}, such as "
                        + store.base() + "id/document/coalition-amnesty-saydnaya-2017-02-07; search at " + store.base() + "search?q=…\n")
                .build();
    }

    @GET
    @Path("doc/{kind}/{file}")
    public Response description(@PathParam("kind") String kind, @PathParam("file") String file, @QueryParam("lang") String lang,
                                @Context HttpHeaders headers, @Context Request request) {
        return answer(kind, file, lang, headers, request).build();
    }

    /** The headers the GET would send, Content-Length included, without the body. */
    @HEAD
    @Path("doc/{kind}/{file}")
    public Response descriptionHead(@PathParam("kind") String kind, @PathParam("file") String file, @QueryParam("lang") String lang,
                                    @Context HttpHeaders headers, @Context Request request) {
        Response full = answer(kind, file, lang, headers, request).build();
        Response.ResponseBuilder head = Response.fromResponse(full).entity(null);
        // The length of the body as GET sends it uncompressed: without a body here nothing is compressed, and with
        // no length at all Jetty would say 0. A GET that takes gzip may get fewer bytes, hence Vary.
        if (full.getEntity() instanceof byte[] body) head.header(HttpHeaders.CONTENT_LENGTH, body.length).header("Vary", "Accept-Encoding");
        return head.build();
    }

    /** The answer, its conditions evaluated by Jersey: the way for what {@link DescriptionDoor} leaves to Jersey. */
    private Response.ResponseBuilder answer(String kind, String file, String lang, HttpHeaders headers, Request request) {
        DescriptionAnswers.Answer a = answers.answer(kind, file, lang, headers.getHeaderString(HttpHeaders.ACCEPT),
                headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        if (a.rendition().isEmpty()) return jersey(a);
        Renditions.Rendition made = a.rendition().get();
        EntityTag etag = new EntityTag(made.etag(), true);
        Date lastModified = Date.from(made.lastModified());
        Response.ResponseBuilder conditional = made.deleted() ? null : DescriptionAnswers.settled(made)
                ? request.evaluatePreconditions(lastModified, etag) : request.evaluatePreconditions(etag);
        Response.ResponseBuilder b = conditional != null ? conditional : Response.status(a.status()).entity(a.body()).type(a.contentType());
        b.tag(etag).lastModified(lastModified);
        a.headers().forEach(h -> b.header(h.name(), h.value()));
        return b;
    }

    private static Response.ResponseBuilder jersey(DescriptionAnswers.Answer a) {
        Response.ResponseBuilder b = Response.status(a.status()).type(a.contentType()).entity(a.body());
        a.headers().forEach(h -> b.header(h.name(), h.value()));
        return b;
    }
}
