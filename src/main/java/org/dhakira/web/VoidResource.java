package org.dhakira.web;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFWriter;
import org.dhakira.crawl.VoidDescription;
import org.dhakira.sparql.ServiceDescription;
import org.dhakira.sparql.SparqlEndpoint;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * {@code /.well-known/void} (RFC 5785, VoID §7.2): the archive as a VoID dataset, naming its SPARQL endpoint, its
 * counts, example records, license and dump, in the RDF format {@code Accept} asks for (Turtle by default).
 */
@Path(".well-known/void")
public final class VoidResource {

    private final SparqlEndpoint endpoint;
    private final Admission admission;
    private final VoidDescription description;

    /** @param admission the turns the counts take: after a change they walk every statement of the store */
    public VoidResource(SparqlEndpoint endpoint, Admission admission, VoidDescription description) {
        this.endpoint = endpoint;
        this.admission = admission;
        this.description = description;
    }

    @GET
    public Response dataset(@HeaderParam(HttpHeaders.ACCEPT) String accept, @Context Request request) {
        // RDF only: a browser (text/html, then */*) gets Turtle, the first RDF format its wildcard takes.
        Optional<Representation> chosen = Representation.preferred(AcceptHeader.parse(accept), Representation.RDF);
        if (chosen.isEmpty()) {
            return Response.notAcceptable(null).header("Vary", "Accept").type("text/plain;charset=utf-8")
                    .entity("The VoID description is offered as text/turtle, application/ld+json, application/rdf+xml and"
                            + " application/n-triples; the request's Accept header takes none of them.\n").build();
        }
        Graph g = ServiceDescription.voidDataset(endpoint);
        Graph counted;
        try (Admission.Turn turn = admission.enter()) {
            counted = description.graph();
        }
        g.getPrefixMapping().setNsPrefixes(counted.getPrefixMapping());
        counted.find().forEach(g::add);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFWriter.source(g).format(chosen.get().rdf().orElseThrow()).output(out);
        byte[] body = out.toByteArray();
        EntityTag tag = new EntityTag(Alternates.digest(body), true);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        Response.ResponseBuilder r = unchanged != null ? unchanged : Response.ok(body, chosen.get().contentType());
        return r.tag(tag).header("Vary", "Accept").build();
    }
}
