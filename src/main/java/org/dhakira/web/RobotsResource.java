package org.dhakira.web;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code /robots.txt}, from the template {@code server/templates/robots.txt.mustache} so an operator can edit it:
 * records, vocabulary and dumps open to crawlers, the endless spaces (search, SPARQL, OAI-PMH) closed, and
 * where the sitemap is.
 */
@Path("robots.txt")
public final class RobotsResource {

    private final String body;

    public RobotsResource(String base, Templates templates) {
        this.body = templates.render("robots.txt", Map.of("base", base));
    }

    @GET
    public Response robots() {
        return Response.ok(body, "text/plain;charset=utf-8").header("Cache-Control", "public, max-age=86400").build();
    }
}
