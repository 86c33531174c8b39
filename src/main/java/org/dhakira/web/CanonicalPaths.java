package org.dhakira.web;

import java.net.URI;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;

/**
 * One URL per page: Jersey matches {@code /doc/document/x/} as it matches {@code /doc/document/x}, and a crawler
 * would then hold two copies of every page, so a path with a trailing slash is sent to the path without it (301).
 * The root and the dumps' folder ({@code /dumps/}, which is a folder; {@code /dumps} is sent there) keep theirs, and
 * the protocol endpoints {@code /oai/} and {@code /sparql/} answer as they are.
 *
 * <pre>{@code resources.register(new CanonicalPaths("http://localhost:8080/"));}</pre>
 */
@PreMatching
public final class CanonicalPaths implements ContainerRequestFilter {

    private static final java.util.Set<String> KEPT = java.util.Set.of("/dumps/", "/oai/", "/sparql/");

    private final String base;

    /** @param base the archive's base URI: where the page is, whatever Host the request named */
    public CanonicalPaths(String base) {
        this.base = base;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) return;
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        String query = uri.getRawQuery();
        if ("/dumps".equals(path)) {
            request.abortWith(Response.status(Response.Status.MOVED_PERMANENTLY)
                    .location(URI.create(base + "dumps/" + (query == null ? "" : "?" + query))).build());
            return;
        }
        // Protocol endpoints are answered at either form: harvesters and SPARQL clients often do not follow a 301.
        if (path == null || path.length() <= 1 || !path.endsWith("/") || KEPT.contains(path)) return;
        String canonical = path.replaceAll("/+$", "");
        if (canonical.isEmpty()) return;
        request.abortWith(Response.status(Response.Status.MOVED_PERMANENTLY)
                .location(URI.create(base + canonical.substring(1) + (query == null ? "" : "?" + query))).build());
    }
}
