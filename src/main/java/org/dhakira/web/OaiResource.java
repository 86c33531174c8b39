package org.dhakira.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.dhakira.oai.OaiProvider;
import org.dhakira.vocab.DataFiles;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

/**
 * The OAI-PMH door, {@code /oai}: GET with a query string or POST with a form, both answered by the provider.
 * Errors of the protocol are 200 responses carrying an error element, as OAI-PMH wants.
 */
@Path("/oai")
public final class OaiResource {

    private static final String XML = "text/xml;charset=utf-8";

    private final OaiProvider provider;
    private final DataFiles files;

    public OaiResource(OaiProvider provider, DataFiles files) {
        this.provider = provider;
        this.files = files;
    }

    /** A query string that is not part of a URI at all (a broken %-escape) is refused by HTTP (400) before it gets here. */
    @GET
    public Response get(@Context UriInfo uri) {
        return answer(uri.getQueryParameters());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(MultivaluedMap<String, String> form) {
        // A POST without a body reads as no form at all: no verb, which the protocol answers with badVerb.
        return answer(form == null ? new jakarta.ws.rs.core.MultivaluedHashMap<>() : form);
    }

    private Response answer(Map<String, List<String>> parameters) {
        StreamingOutput body = out -> provider.answer(parameters, out);
        return Response.ok(body, XML).build();
    }

    /** The schema of the {@code rdf} metadata format. */
    @GET
    @Path("rdf.xsd")
    public Response rdfSchema() throws IOException {
        try (InputStream in = files.open("server/oai/rdf.xsd")) {
            return Response.ok(in.readAllBytes(), "application/xml").header("Cache-Control", "public, max-age=86400").build();
        }
    }
}
