package org.dhakira.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFWriter;
import org.dhakira.describe.Description;
import org.dhakira.describe.Descriptions;
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
 * and answers conditional requests with 304.
 */
@Path("/")
public final class RecordResource {

    private final Descriptions descriptions;
    private final RecordStore store;
    private final RecordPage page;
    private final String license;
    private final Renditions renditions;

    /** @param cacheBytes how many bytes of rendered descriptions to keep while the store is unchanged (0: none) */
    public RecordResource(Descriptions descriptions, RecordStore store, RecordPage page, String license, long cacheBytes) {
        this.renditions = new Renditions(cacheBytes);
        this.descriptions = descriptions;
        this.store = store;
        this.page = page;
        this.license = license;
    }

    @GET
    @Path("id/{kind}/{key}")
    public Response thing(@PathParam("kind") String kind, @PathParam("key") String key, @QueryParam("lang") String lang,
                          @Context HttpHeaders headers) {
        Optional<RecordId> id = recordId(kind, key);
        if (id.flatMap(store::status).isEmpty()) return notFound(kind, key, headers, lang);
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
        Object entity = full.getEntity();
        byte[] body = entity instanceof byte[] b ? b : entity instanceof String t ? t.getBytes(StandardCharsets.UTF_8) : null;
        if (body != null) head.header(HttpHeaders.CONTENT_LENGTH, body.length).header("Vary", "Accept-Encoding");
        return head.build();
    }

    private Response.ResponseBuilder answer(String kind, String file, String lang, HttpHeaders headers, Request request) {
        // A file name that ends in a format's ending names that format; otherwise it is the key and Accept chooses.
        int dot = file.lastIndexOf('.');
        Optional<Representation> fixed = dot > 0 ? Representation.byEnding(file.substring(dot + 1)) : Optional.empty();
        String key = fixed.isPresent() ? file.substring(0, dot) : file;
        Optional<RecordId> id = recordId(kind, key);
        if (id.isEmpty()) return notFoundBuilder(kind, key, headers, lang);
        String doc = store.base() + "doc/" + id.get().path();

        Optional<Representation> chosen = fixed.or(() -> Representation.preferred(AcceptHeader.parse(headers.getHeaderString(HttpHeaders.ACCEPT))));
        if (chosen.isEmpty()) {
            if (store.status(id.get()).isEmpty()) return notFoundBuilder(kind, key, headers, lang);
            return links(Response.status(Response.Status.NOT_ACCEPTABLE), id.get(), doc).header("Vary", "Accept")
                    .type("text/plain;charset=utf-8")
                    .entity("This description is offered as " + Representation.offered()
                            + "; the request's Accept header takes none of them. Each is also at " + doc + ".{ttl,html,jsonld,rdf,nt}.\n");
        }
        Representation r = chosen.get();
        String ui = r == Representation.HTML ? SearchResource.uiLanguage(lang, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)) : "";
        boolean languageChosen = r == Representation.HTML && PageFrame.chooses(lang);
        Optional<Renditions.Rendition> rendition = rendition(new Renditions.Key(id.get(), r, ui, languageChosen));
        if (rendition.isEmpty()) return notFoundBuilder(kind, key, headers, lang);
        Renditions.Rendition made = rendition.get();
        EntityTag etag = new EntityTag(made.etag(), true);
        Date lastModified = Date.from(made.lastModified());

        Response.ResponseBuilder b = null;
        // Datestamps are whole seconds: within the second of the last change another may follow with the same date,
        // so only the ETag can say "unchanged" then.
        boolean settled = made.lastModified().plusSeconds(1).isBefore(java.time.Instant.now());
        if (!made.deleted()) b = settled ? request.evaluatePreconditions(lastModified, etag) : request.evaluatePreconditions(etag);
        if (b == null) {
            b = Response.status(made.deleted() ? Response.Status.GONE : Response.Status.OK).entity(made.body()).type(r.contentType());
        }
        // A page in a language the reader chose is that page only with the choice in its URL.
        b.tag(etag).lastModified(lastModified).header("Content-Location", doc + "." + r.ending() + (languageChosen ? "?lang=" + ui : ""));
        if (fixed.isEmpty()) b.header("Vary", "Accept, Accept-Language");
        else if (r == Representation.HTML) b.header("Vary", "Accept-Language");
        return links(b, id.get(), doc);
    }

    /** The description as sent, from the renditions held for the store's current state, else made now. */
    private Optional<Renditions.Rendition> rendition(Renditions.Key key) {
        long at = store.position().sequence();
        Renditions.Rendition held = renditions.get(at, key);
        if (held != null) return Optional.of(held);
        return descriptions.find(key.id()).map(d -> {
            byte[] body = key.format() == Representation.HTML ? page.render(d, key.ui(), key.chosen()).getBytes(StandardCharsets.UTF_8) : rdf(d, key.format());
            Renditions.Rendition made = new Renditions.Rendition(body, Alternates.digest(body), d.lastModified(), d.deleted());
            renditions.put(d.position(), key, made);
            return made;
        });
    }

    /** Each alternate format, the thing described, and the license (RFC 8288; "describes" is RFC 6892's). */
    private Response.ResponseBuilder links(Response.ResponseBuilder b, RecordId id, String doc) {
        return b.header("Link", Alternates.alternates(doc) + ", <" + store.uris().iri(id) + ">; rel=\"describes\", <" + license + ">; rel=\"license\"");
    }

    private byte[] rdf(Description d, Representation r) {
        if (r == Representation.TURTLE) return DescriptionTurtle.write(d.graph(), NodeFactory.createURI(store.uris().iri(d.id())));
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        RDFWriter.source(d.graph()).format(r.rdf().orElseThrow()).output(out);
        return out.toByteArray();
    }

    private static Optional<RecordId> recordId(String kind, String key) {
        try {
            return Kind.fromSegment(kind).map(k -> new RecordId(k, key));
        } catch (IllegalArgumentException notAKey) {
            return Optional.empty();
        }
    }

    private Response notFound(String kind, String key, HttpHeaders headers, String lang) {
        return notFoundBuilder(kind, key, headers, lang).build();
    }

    /** A page for people (when they take HTML) or a line for machines; both say what URIs here look like. */
    private Response.ResponseBuilder notFoundBuilder(String kind, String key, HttpHeaders headers, String lang) {
        Response.ResponseBuilder b = Response.status(Response.Status.NOT_FOUND).header("Vary", "Accept, Accept-Language");
        Optional<Representation> wanted = Representation.preferred(AcceptHeader.parse(headers.getHeaderString(HttpHeaders.ACCEPT)));
        Optional<RecordId> id = recordId(kind, key);
        if (wanted.orElse(null) == Representation.HTML && id.isPresent()) {
            String ui = SearchResource.uiLanguage(lang, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
            return b.type(Representation.HTML.contentType()).entity(page.notFound(id.get(), ui, PageFrame.chooses(lang)));
        }
        String what = Kind.fromSegment(kind).isPresent()
                ? "There is no " + kind + " with the key '" + key + "' in this archive."
                : "'" + kind + "' is not a kind of thing in this archive (" + Kind.segments() + ").";
        return b.type("text/plain;charset=utf-8").entity(what + " Things are at " + store.base() + "id/{kind}/{key};"
                + " search them at " + store.base() + "search?q=…\n");
    }
}
