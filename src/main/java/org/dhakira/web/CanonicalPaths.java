package org.dhakira.web;

import java.net.URI;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;

/**
 * One URL per page: Jersey matches {@code /doc/document/x/} as it matches {@code /doc/document/x}, and a crawler
 * would then hold two copies of every page, so a path with a trailing slash is sent to the path without it (301).
 * The root and the dumps' folder ({@code /dumps/}, which is a folder) keep theirs.
 *
 * <pre>{@code resources.register(new CanonicalPaths("http://localhost:8080/"));}</pre>
 */
@PreMatching
public final class CanonicalPaths implements ContainerRequestFilter {

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
        if (path == null || path.length() <= 1 || !path.endsWith("/") || path.equals("/dumps/")) return;
        String canonical = path.replaceAll("/+$", "");
        if (canonical.isEmpty()) return;
        String query = uri.getRawQuery();
        request.abortWith(Response.status(Response.Status.MOVED_PERMANENTLY)
                .location(URI.create(base + canonical.substring(1) + (query == null ? "" : "?" + query))).build());
    }
}
