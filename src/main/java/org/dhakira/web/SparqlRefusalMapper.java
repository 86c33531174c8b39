package org.dhakira.web;

import org.dhakira.sparql.QueryRefusedException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A refused SPARQL request becomes its status and its message as plain text, which every SPARQL client shows
 * as it is (the query page's editor among them).
 */
public final class SparqlRefusalMapper implements ExceptionMapper<QueryRefusedException> {

    @Override
    public Response toResponse(QueryRefusedException e) {
        return Response.status(e.reason().status()).type("text/plain;charset=utf-8").entity(e.getMessage() + "\n").build();
    }
}
