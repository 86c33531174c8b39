package org.dhakira.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.riot.RDFWriter;
import org.dhakira.sparql.Answer;
import org.dhakira.sparql.Gallery;
import org.dhakira.sparql.PreparedQuery;
import org.dhakira.sparql.ProtocolRequest;
import org.dhakira.sparql.QueryRefusedException;
import org.dhakira.sparql.ResultFormat;
import org.dhakira.sparql.ServiceDescription;
import org.dhakira.sparql.SparqlEndpoint;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Variant;

/**
 * {@code /sparql}: the SPARQL 1.1 Protocol for queries (GET, POST form, POST {@code application/sparql-query}),
 * the answer's format chosen by {@code Accept} (or {@code format}/{@code output}); without a query, the query
 * page for browsers and the service description for RDF clients. Refusals become 4xx (and a timeout 503) in
 * {@link SparqlRefusalMapper}; every answer says the row cap in {@code X-Dhakira-Row-Cap}, with
 * {@code ; truncated} when the cap cut it.
 */
@Path("sparql")
public final class SparqlResource {

    static final String ROW_CAP = "X-Dhakira-Row-Cap";
    private final SparqlEndpoint endpoint;
    private final Admission admission;
    private final Templates templates;
    private final List<Gallery.Example> examples;

    /** @param admission the turns the queries take: a query runs only in its turn */
    public SparqlResource(SparqlEndpoint endpoint, Admission admission, Templates templates, List<Gallery.Example> examples) {
        this.endpoint = endpoint;
        this.admission = admission;
        this.templates = templates;
        this.examples = List.copyOf(examples);
    }

    @GET
    public Response get(@Context UriInfo uri, @Context Request request, @HeaderParam("Accept-Language") String acceptLanguage) {
        return answer(ProtocolRequest.read("GET", uri.getQueryParameters(), null, new byte[0]), uri, request, acceptLanguage);
    }

    @POST
    public Response post(@Context UriInfo uri, @Context Request request, @HeaderParam("Content-Type") String contentType,
                         @HeaderParam("Accept-Language") String acceptLanguage, InputStream body) throws IOException {
        // Bounded by RequestLimits, which refuses (413) a body past http.maxBody before it is read on.
        byte[] bytes = body.readAllBytes();
        return answer(ProtocolRequest.read("POST", uri.getQueryParameters(), contentType, bytes), uri, request, acceptLanguage);
    }

    private Response answer(ProtocolRequest protocol, UriInfo uri, Request request, String acceptLanguage) {
        if (protocol.query().isEmpty()) return withoutQuery(uri, request, acceptLanguage);
        PreparedQuery prepared = endpoint.prepare(protocol.query().get());
        Optional<ResultFormat> format;
        if (protocol.format().isPresent()) {
            format = ResultFormat.named(protocol.format().get(), prepared.formats());
            if (format.isEmpty()) {
                throw new QueryRefusedException(QueryRefusedException.Reason.BAD_REQUEST, "format '" + protocol.format().get()
                        + "' is not one of " + names(prepared.formats()) + " for a " + prepared.form() + " query");
            }
        } else {
            // Each format's own media type first, then the looser names clients also send (application/json, text/plain).
            List<Variant> variants = new ArrayList<>();
            prepared.formats().forEach(f -> variants.add(new Variant(MediaType.valueOf(f.mediaType()), (String) null, null)));
            prepared.formats().forEach(f -> f.mediaTypes().stream().skip(1).forEach(t -> variants.add(new Variant(MediaType.valueOf(t), (String) null, null))));
            variants.add(new Variant(MediaType.TEXT_HTML_TYPE, (String) null, null));
            Variant chosen = request.selectVariant(variants);
            if (chosen == null) {
                return Response.status(Response.Status.NOT_ACCEPTABLE).type("text/plain;charset=utf-8")
                        .entity("A " + prepared.form() + " query's answer can be " + names(prepared.formats()) + "; the Accept header takes none of them.\n")
                        .header("Vary", "Accept").build();
            }
            if (chosen.getMediaType().isCompatible(MediaType.TEXT_HTML_TYPE) && !chosen.getMediaType().isWildcardType()) {
                return page(uri, acceptLanguage, prepared.request().query());
            }
            String type = chosen.getMediaType().getType() + "/" + chosen.getMediaType().getSubtype();
            format = prepared.formats().stream().filter(f -> f.mediaTypes().contains(type)).findFirst();
        }
        ResultFormat f = format.orElseThrow();
        Answer answer;
        // The turn covers the query's run; its answer is capped and already read, so writing it out needs no turn.
        try (Admission.Turn turn = admission.enter()) {
            answer = endpoint.answer(prepared);
        }
        StreamingOutput body = out -> answer.writeTo(out, f);
        return Response.ok(body, f.mediaType() + ";charset=utf-8")
                .header(ROW_CAP, endpoint.policy().rowCap() + (answer.truncated() ? "; truncated" : ""))
                .header("Vary", "Accept").build();
    }

    private static String names(List<ResultFormat> formats) {
        return String.join(", ", formats.stream().map(ResultFormat::mediaType).toList());
    }

    /** No query: the page for a browser, else the service description in the RDF format asked for. */
    private Response withoutQuery(UriInfo uri, Request request, String acceptLanguage) {
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant(MediaType.TEXT_HTML_TYPE, (String) null, null));
        List<ResultFormat> rdf = ResultFormat.forGraphs(true);
        rdf.forEach(f -> variants.add(new Variant(MediaType.valueOf(f.mediaType()), (String) null, null)));
        Variant chosen = request.selectVariant(variants);
        if (chosen == null || chosen.getMediaType().equals(MediaType.TEXT_HTML_TYPE)) return page(uri, acceptLanguage, null);
        ResultFormat f = rdf.stream().filter(r -> r.mediaType().equals(chosen.getMediaType().toString())).findFirst().orElseThrow();
        String requested = uri.getBaseUri().toString() + "sparql";
        var description = ServiceDescription.of(endpoint, requested);
        StreamingOutput body = out -> RDFWriter.source(description).lang(f.lang()).output(out);
        return Response.ok(body, f.mediaType() + ";charset=utf-8").header("Vary", "Accept").build();
    }

    private Response page(UriInfo uri, String acceptLanguage, String query) {
        String ui = SearchResource.uiLanguage(uri.getQueryParameters().getFirst("lang"), acceptLanguage);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("ar", ui.equals("ar"));
        view.put("lang", ui);
        view.put("dir", ui.equals("ar") ? "rtl" : "ltr");
        view.put("query", "");
        view.put("otherLanguageHref", "/sparql?lang=" + (ui.equals("ar") ? "en" : "ar"));
        view.put("rowCap", endpoint.policy().rowCap());
        view.put("timeout", endpoint.policy().timeout().toSeconds());
        view.put("initialQuery", query == null ? examples.isEmpty() ? "" : examples.get(0).query() : query);
        List<Map<String, Object>> gallery = new ArrayList<>();
        for (Gallery.Example e : examples) {
            gallery.add(Map.of("name", e.name(), "title", ui.equals("ar") ? e.titleAr() : e.titleEn(),
                    "otherTitle", ui.equals("ar") ? e.titleEn() : e.titleAr(), "query", e.query()));
        }
        view.put("examples", gallery);
        return Response.ok(templates.render("sparql", view), "text/html;charset=utf-8").header("Vary", "Accept, Accept-Language").build();
    }
}
