package org.dhakira.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * CORS for every door: any origin may read, since every public door is read-only and none uses cookies. The
 * headers a script needs to follow linked data (Link, ETag, Content-Location, Location) are exposed, and a
 * preflight (a script sending If-None-Match, say) is answered.
 */
public final class CrossOrigin implements ContainerResponseFilter {

    /** The response headers a script on another origin may read. */
    static final String EXPOSED = "Link, ETag, Content-Location, Location, Last-Modified, Content-Length, Content-Range,"
            + " Accept-Ranges, Retry-After, Content-Disposition, X-Dhakira-Row-Cap";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> h = response.getHeaders();
        h.putSingle("Access-Control-Allow-Origin", "*");
        h.putSingle("Access-Control-Expose-Headers", EXPOSED);
        if ("OPTIONS".equals(request.getMethod()) && request.getHeaderString("Access-Control-Request-Method") != null) {
            h.putSingle("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS");
            h.putSingle("Access-Control-Allow-Headers", "Accept, Accept-Language, Content-Type, If-None-Match, If-Modified-Since, If-Match, Range, If-Range");
            h.putSingle("Access-Control-Max-Age", "86400");
        }
    }
}
