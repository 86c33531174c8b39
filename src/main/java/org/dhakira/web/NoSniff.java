package org.dhakira.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * {@code X-Content-Type-Options: nosniff} on every answer. Refusals quote what they refuse (a SPARQL parse error
 * quotes the query) as {@code text/plain}; a browser must take that type at its word, never guess HTML from a
 * {@code <script>} in the quoted text and run it.
 */
public final class NoSniff implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
    }
}
