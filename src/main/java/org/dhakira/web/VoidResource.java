package org.dhakira.web;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFWriter;
import org.dhakira.crawl.VoidDescription;
import org.dhakira.sparql.ResultFormat;
import org.dhakira.sparql.ServiceDescription;
import org.dhakira.sparql.SparqlEndpoint;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.Variant;

/**
 * {@code /.well-known/void} (RFC 5785, VoID §7.2): the archive as a VoID dataset, naming its SPARQL endpoint, its
 * counts, example records, license and dump, in the RDF format {@code Accept} asks for (Turtle by default).
 */
@Path(".well-known/void")
public final class VoidResource {

    private final SparqlEndpoint endpoint;
    private final VoidDescription description;

    public VoidResource(SparqlEndpoint endpoint, VoidDescription description) {
        this.endpoint = endpoint;
        this.description = description;
    }

    @GET
    public Response dataset(@Context Request request) {
        List<ResultFormat> formats = ResultFormat.forGraphs(true);
        Variant chosen = request.selectVariant(formats.stream().map(f -> new Variant(MediaType.valueOf(f.mediaType()), (String) null, null)).toList());
        if (chosen == null) return Response.notAcceptable(null).build();
        ResultFormat f = formats.stream().filter(r -> r.mediaType().equals(chosen.getMediaType().getType() + "/" + chosen.getMediaType().getSubtype()))
                .findFirst().orElse(ResultFormat.TURTLE);
        Graph g = ServiceDescription.voidDataset(endpoint);
        Graph counted = description.graph();
        g.getPrefixMapping().setNsPrefixes(counted.getPrefixMapping());
        counted.find().forEach(g::add);
        StreamingOutput body = out -> RDFWriter.source(g).lang(f.lang()).output(out);
        return Response.ok(body, f.mediaType() + ";charset=utf-8").header("Vary", "Accept").build();
    }
}
