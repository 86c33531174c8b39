package org.dhakira.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.dhakira.ingest.Format;
import org.dhakira.ingest.Input;
import org.dhakira.ingest.InvalidInputException;
import org.dhakira.ingest.LoadReport;
import org.dhakira.ingest.Loader;
import org.dhakira.ingest.PreconditionFailedException;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;
import org.dhakira.store.StoredRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The write API, the one door that changes the archive: {@code POST /api/records} (one record or a batch, JSON or
 * any RDF syntax the loader reads, by {@code Content-Type}), {@code PUT} and {@code DELETE /api/records/{kind}/{key}},
 * and {@code GET} of the same path for a record's version. Every write goes through the {@link Loader}, in one
 * transaction, whole or not at all; the store has committed, and the index shows it, when the answer leaves, so
 * every door shows it. Writes take turns in a bounded line ({@link Admission}): 503 with Retry-After beyond it.
 *
 * The version ({@code ETag}, {@code If-Match}) is the record's own sequence number, {@code "17"}: the linked-data
 * door's ETag also changes whenever a record it links to or that links to it changes, so guarding a write with it
 * would refuse writes for changes to other records.
 *
 * {@link ApiAuthentication} has checked the token before a request gets here.
 */
@Path("api/records")
public final class RecordWriteResource {

    private static final Logger LOG = LoggerFactory.getLogger(RecordWriteResource.class);
    private static final String PROBLEM = "application/problem+json;charset=utf-8";

    private final Loader loader;
    private final RecordStore store;
    private final Admission writes;

    /**
     * @param writes the writes' line: the store takes one batch at a time, so a burst of writes waits here, a bounded
     *               number for a bounded time, and the rest are answered 503 with Retry-After, nothing written
     */
    public RecordWriteResource(Loader loader, RecordStore store, Admission writes) {
        this.loader = loader;
        this.store = store;
        this.writes = writes;
    }

    /** The load in its turn of the writes' line. */
    private LoadReport load(Input input, Loader.Guard guard) throws InvalidInputException, PreconditionFailedException {
        try (Admission.Turn turn = writes.enter()) {
            return loader.load(input, guard);
        }
    }

    @POST
    public Response post(InputStream body, @Context HttpHeaders headers, @Context jakarta.ws.rs.container.ContainerRequestContext request) {
        String holder = holder(request);
        if (headers.getHeaderString("If-Match") != null) {
            return problem(Response.Status.BAD_REQUEST, "If-Match on a batch",
                    "If-Match guards one record: send it with PUT or DELETE /api/records/{kind}/{key}.", Map.of()).build();
        }
        Format format = format(headers);
        Input input = input(body, format);
        try {
            LoadReport r = load(input, Loader.Guard.NONE);
            log(holder, "POST", "", r);
            return Response.ok(outcome(r), "application/json").build();
        } catch (InvalidInputException e) {
            return refused(e);
        } catch (PreconditionFailedException e) {
            throw new IllegalStateException("a write without a guard was refused by one", e);
        }
    }

    @PUT
    @Path("{kind}/{key}")
    public Response put(@PathParam("kind") String kind, @PathParam("key") String key, InputStream body,
                        @Context HttpHeaders headers, @Context jakarta.ws.rs.container.ContainerRequestContext request) {
        String holder = holder(request);
        RecordId id = id(kind, key);
        Format format = format(headers);
        Input input = input(body, format);
        Expected expected = new Expected(id, IfMatch.parse(headers.getHeaderString("If-Match")));
        try {
            LoadReport r = load(input, expected);
            if (r.records() == 0) {
                return problem(UNPROCESSABLE, "No record", "The body holds no record; a PUT writes exactly one, " + id + ".", Map.of()).build();
            }
            log(holder, "PUT", id.path(), r);
            long version = r.lastSequence() > 0 ? r.lastSequence() : expected.seen;
            Response.ResponseBuilder b = expected.seen == 0 ? Response.status(Response.Status.CREATED).location(locationOf(id)) : Response.ok();
            return b.tag(IfMatch.tag(version)).entity(outcome(r)).type("application/json").build();
        } catch (InvalidInputException e) {
            return refused(e);
        } catch (PreconditionFailedException e) {
            return stale(e);
        }
    }

    @DELETE
    @Path("{kind}/{key}")
    public Response delete(@PathParam("kind") String kind, @PathParam("key") String key,
                           @Context HttpHeaders headers, @Context jakarta.ws.rs.container.ContainerRequestContext request) {
        String holder = holder(request);
        RecordId id = id(kind, key);
        if (store.status(id).isEmpty()) return notFound(id);
        // The loader's own form of a deletion: a tombstone, the id never reused.
        String line = "{\"id\":\"" + id.path() + "\",\"kind\":\"" + id.kind().segment() + "\",\"deleted\":true}";
        Expected expected = new Expected(id, IfMatch.parse(headers.getHeaderString("If-Match")));
        try {
            LoadReport r = load(Input.of("request", Format.JSON, line), expected);
            log(holder, "DELETE", id.path(), r);
            long version = r.lastSequence() > 0 ? r.lastSequence() : expected.seen;
            return Response.ok(outcome(r), "application/json").tag(IfMatch.tag(version)).build();
        } catch (InvalidInputException e) {
            return refused(e);
        } catch (PreconditionFailedException e) {
            return stale(e);
        }
    }

    /** A record's version, for the {@code If-Match} of the next write. */
    @GET
    @Path("{kind}/{key}")
    public Response version(@PathParam("kind") String kind, @PathParam("key") String key,
                            @Context jakarta.ws.rs.container.ContainerRequestContext request) {
        holder(request);
        RecordId id = id(kind, key);
        Optional<StoredRecord> r = store.find(id);
        if (r.isEmpty()) return notFound(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id.path());
        body.put("sequence", r.get().sequence());
        body.put("datestamp", r.get().datestamp().toString());
        body.put("deleted", r.get().deleted());
        return Response.ok(body, "application/json").tag(IfMatch.tag(r.get().sequence())).header("Cache-Control", "no-store").build();
    }

    /** The guard of a PUT or DELETE: the input names the URL's record only, at the version If-Match names. */
    private static final class Expected implements Loader.Guard {
        private final RecordId id;
        private final IfMatch ifMatch;
        /** The record's last change as the write found it; 0 when new. Read on the request's thread after the write. */
        long seen;

        Expected(RecordId id, IfMatch ifMatch) {
            this.id = id;
            this.ifMatch = ifMatch;
        }

        @Override
        public Optional<String> refusal(RecordId named) {
            return named.equals(id) ? Optional.empty() : Optional.of("is " + named + ", but the URL names " + id + "; a PUT writes the record its URL names");
        }

        @Override
        public void admit(RecordId named, long lastChange, boolean live) throws PreconditionFailedException {
            seen = lastChange;
            if (!ifMatch.admits(lastChange, live)) {
                throw new PreconditionFailedException(named, lastChange, "If-Match " + ifMatch + " does not match its version "
                        + (lastChange == 0 ? "(it does not exist)" : IfMatch.tag(lastChange) + (live ? "" : " (deleted)")));
            }
        }
    }

    private static final Response.StatusType UNPROCESSABLE = new Response.StatusType() {
        @Override public int getStatusCode() { return 422; }
        @Override public Response.Status.Family getFamily() { return Response.Status.Family.CLIENT_ERROR; }
        @Override public String getReasonPhrase() { return "Unprocessable Content"; }
    };

    private static String holder(jakarta.ws.rs.container.ContainerRequestContext request) {
        Object holder = request.getProperty(ApiAuthentication.HOLDER);
        // Only reachable if the door keeper were not registered: refuse rather than write anonymously.
        if (holder == null) throw new jakarta.ws.rs.NotAuthorizedException("Bearer realm=\"dhakira\"");
        return holder.toString();
    }

    private static RecordId id(String kind, String key) {
        try {
            return RecordId.parse(kind + "/" + key);
        } catch (IllegalArgumentException e) {
            throw new jakarta.ws.rs.WebApplicationException(problem(Response.Status.NOT_FOUND, "Not a record's URL",
                    e.getMessage(), Map.of()).build());
        }
    }

    private static Response notFound(RecordId id) {
        return problem(Response.Status.NOT_FOUND, "No such record", "The archive has no record " + id + ".", Map.of()).build();
    }

    private static java.net.URI locationOf(RecordId id) {
        return java.net.URI.create("/api/records/" + id.path());
    }

    /** The loader's format for the body's media type; 415 naming those it takes otherwise. */
    static Format format(HttpHeaders headers) {
        jakarta.ws.rs.core.MediaType type = headers.getMediaType();
        String charset = type == null ? null : type.getParameters().get("charset");
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw unsupported("The body must be UTF-8, not " + charset + ".");
        }
        String name = type == null ? "" : (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        Format f = switch (name) {
            case "application/json", "application/x-ndjson", "application/jsonl", "application/x-jsonlines" -> Format.JSON;
            case "application/ld+json" -> Format.JSONLD;
            case "text/turtle" -> Format.TURTLE;
            case "application/trig" -> Format.TRIG;
            case "application/n-quads" -> Format.NQUADS;
            case "application/n-triples" -> Format.NTRIPLES;
            case "application/rdf+xml" -> Format.RDFXML;
            default -> null;
        };
        if (f == null) throw unsupported((type == null ? "The body has no Content-Type" : "The archive does not read " + name)
                + "; send " + String.join(", ", MEDIA_TYPES) + ".");
        return f;
    }

    static final List<String> MEDIA_TYPES = List.of("application/json (one record, an array, or JSON lines)", "application/x-ndjson",
            "application/ld+json", "text/turtle", "application/trig", "application/n-quads", "application/n-triples", "application/rdf+xml");

    private static jakarta.ws.rs.WebApplicationException unsupported(String message) {
        return new jakarta.ws.rs.WebApplicationException(problem(Response.Status.UNSUPPORTED_MEDIA_TYPE, "Unsupported body", message, Map.of()).build());
    }

    /** The whole body, read here (within {@code http.maxBody}: past it the read is refused with 413). */
    private static Input input(InputStream body, Format format) {
        byte[] bytes;
        try {
            bytes = body.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
        return new Input("request", format, () -> new ByteArrayInputStream(bytes), bytes.length);
    }

    private Map<String, Object> outcome(LoadReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("records", r.records());
        m.put("written", r.written());
        m.put("deleted", r.deleted());
        m.put("unchanged", r.unchanged());
        // The store's change that includes this write: what a replica must have applied to show it.
        m.put("sequence", r.lastSequence() > 0 ? r.lastSequence() : store.position().sequence());
        if (r.firstSequence() > 0) m.put("firstSequence", r.firstSequence());
        return m;
    }

    private static Response refused(InvalidInputException e) {
        List<Map<String, Object>> problems = e.problems().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("record", p.record());
            m.put("field", p.field());
            if (p.line() > 0) m.put("line", p.line());
            m.put("reason", p.reason());
            return m;
        }).toList();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("total", e.total());
        extra.put("problems", problems);
        return problem(UNPROCESSABLE, "The records were refused; nothing was written", e.getMessage(), extra).build();
    }

    private static Response stale(PreconditionFailedException e) {
        Response.ResponseBuilder b = problem(Response.Status.PRECONDITION_FAILED, "The record is not at the version If-Match names",
                e.getMessage(), Map.of("record", e.id().path()));
        return (e.lastChange() > 0 ? b.tag(IfMatch.tag(e.lastChange())) : b).build();
    }

    /** An RFC 9457 problem. */
    private static Response.ResponseBuilder problem(Response.StatusType status, String title, String detail, Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "about:blank");
        m.put("title", title);
        m.put("status", status.getStatusCode());
        m.put("detail", detail);
        m.putAll(extra);
        return Response.status(status).type(PROBLEM).entity(m);
    }

    private static void log(String holder, String method, String path, LoadReport r) {
        LOG.info("API {} /api/records{}{} by '{}': {} records, {} written, {} deleted, {} unchanged, changes {}–{}", method,
                path.isEmpty() ? "" : "/", path, holder, r.records(), r.written(), r.deleted(), r.unchanged(), r.firstSequence(), r.lastSequence());
    }
}
