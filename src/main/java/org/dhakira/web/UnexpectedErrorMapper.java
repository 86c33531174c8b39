package org.dhakira.web;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The last word on errors no resource expected: the reader gets a short message with the request's id to quote
 * (its {@code X-Request-Id}), the log gets the trace under the same id. Errors JAX-RS itself raises (404 for an unknown path, 405, 406) keep their own answers.
 */
public final class UnexpectedErrorMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorMapper.class);

    /** The request's headers, where the server's outermost handler put its {@code X-Request-Id}. */
    @jakarta.ws.rs.core.Context
    private jakarta.ws.rs.core.HttpHeaders headers;

    @jakarta.ws.rs.core.Context
    private jakarta.ws.rs.core.UriInfo uri;

    @Override
    public Response toResponse(RuntimeException e) {
        if (e instanceof WebApplicationException w) return w.getResponse();
        String given = headers == null ? null : headers.getHeaderString("X-Request-Id");
        String id = given != null ? given : UUID.randomUUID().toString().substring(0, 8);
        // Once, with the trace; the access log has the same id on the request's line.
        LOG.error("Unexpected error in request {} ({}): {}", id, uri == null ? "?" : "/" + uri.getPath(), e.toString(), e);
        return Response.serverError().type("text/plain;charset=utf-8")
                .entity("The archive met an unexpected error (" + id + "); it is in the server's log.\n").build();
    }
}
