package org.dhakira.web;

import org.dhakira.crawl.Sitemap;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * {@code /sitemap.xml}, the sitemap index, and its pages {@code /sitemap/{n}.xml} (from 1), each naming at most
 * 50,000 live records' descriptions with their datestamps. Each answer's ETag is the store change it reflects.
 */
@Path("/")
public final class SitemapResource {

    private static final String XML = "application/xml;charset=utf-8";

    private final Sitemap sitemap;

    public SitemapResource(Sitemap sitemap) {
        this.sitemap = sitemap;
    }

    @GET
    @Path("sitemap.xml")
    public Response index(@Context Request request) {
        return answer(request, "index", out -> write(() -> sitemap.writeIndex(out)));
    }

    @GET
    @Path("sitemap/{n: [0-9]{1,9}}.xml")
    public Response page(@PathParam("n") int n, @Context Request request) {
        if (!sitemap.hasPage(n)) {
            return Response.status(Response.Status.NOT_FOUND).type("text/plain;charset=utf-8")
                    .entity("The sitemap has pages 1 to " + sitemap.pages() + "; see /sitemap.xml.\n").build();
        }
        return answer(request, String.valueOf(n), out -> write(() -> sitemap.writePage(n, out)));
    }

    private Response answer(Request request, String part, StreamingOutput body) {
        EntityTag tag = new EntityTag("sitemap-" + sitemap.sequence() + "-" + part, true); // weak: it may travel compressed
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        Response.ResponseBuilder r = unchanged != null ? unchanged : Response.ok(body, XML);
        return r.tag(tag).build();
    }

    private interface XmlWork {
        void run() throws javax.xml.stream.XMLStreamException;
    }

    private static void write(XmlWork work) throws java.io.IOException {
        try {
            work.run();
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new java.io.IOException("cannot write the sitemap", e);
        }
    }
}
