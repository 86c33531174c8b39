package org.dhakira.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.Date;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.graph.GraphFactory;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;
import org.dhakira.store.StoredRecord;
import org.dhakira.vocab.Kind;
import org.dhakira.vocab.Vocabulary;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The things' URIs: {@code /id/{kind}/{key}} names the thing and answers 303 See Other to its description
 * {@code /doc/{kind}/{key}}, which is the record's graph as Turtle (410 Gone with the tombstone when deleted).
 */
@Path("/")
public final class RecordResource {

    static final String TURTLE = "text/turtle;charset=utf-8";

    private final RecordStore store;

    public RecordResource(RecordStore store) {
        this.store = store;
    }

    @GET
    @Path("id/{kind}/{key}")
    public Response thing(@PathParam("kind") String kind, @PathParam("key") String key) {
        if (recordId(kind, key).flatMap(store::status).isEmpty()) return notFound(kind, key);
        // Always the archive's own base: a Host header must not choose where a thing's description lives.
        return Response.seeOther(URI.create(store.base() + "doc/" + kind + "/" + key)).build();
    }

    @GET
    @Path("doc/{kind}/{key}")
    public Response description(@PathParam("kind") String kind, @PathParam("key") String key) {
        Optional<StoredRecord> found = recordId(kind, key).flatMap(store::find);
        if (found.isEmpty()) return notFound(kind, key);
        StoredRecord record = found.get();
        return Response.status(record.deleted() ? Response.Status.GONE : Response.Status.OK)
                .type(TURTLE)
                .lastModified(Date.from(record.datestamp()))
                .entity(turtle(record.graph()))
                .build();
    }

    private static Optional<RecordId> recordId(String kind, String key) {
        try {
            return Kind.fromSegment(kind).map(k -> new RecordId(k, key));
        } catch (IllegalArgumentException notAKey) {
            return Optional.empty();
        }
    }

    private Response notFound(String kind, String key) {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8"))
                .entity("There is no " + kind + "/" + key + " in this archive.\n").build();
    }

    private byte[] turtle(Graph graph) {
        Graph withPrefixes = GraphFactory.createDefaultGraph();
        withPrefixes.getPrefixMapping().setNsPrefixes(Vocabulary.prefixes(store.base()));
        graph.find().forEach(withPrefixes::add);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, withPrefixes, RDFFormat.TURTLE_PRETTY);
        return out.toByteArray();
    }
}
