package org.dhakira.web;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The last word on errors no resource expected: the reader gets a short message with an id to quote, the log
 * gets the trace. Errors JAX-RS itself raises (404 for an unknown path, 405, 406) keep their own answers.
 */
public final class UnexpectedErrorMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorMapper.class);

    @Override
    public Response toResponse(RuntimeException e) {
        if (e instanceof WebApplicationException w) return w.getResponse();
        String id = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Unexpected error {}", id, e);
        return Response.serverError().type("text/plain;charset=utf-8")
                .entity("The archive met an unexpected error (" + id + "); it is in the server's log.\n").build();
    }
}
