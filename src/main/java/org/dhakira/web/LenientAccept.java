package org.dhakira.web;

import java.util.stream.Collectors;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Keeps the readable part of a sloppy {@code Accept} header instead of letting Jersey refuse the whole request
 * with 400: clients send unreadable ranges ({@code q=oops}, a bare word) beside good ones, and a crawler should
 * get the format its good ranges ask for. Headers Jersey reads are left as they are.
 */
@PreMatching
public final class LenientAccept implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.ACCEPT);
        if (header == null) return;
        try {
            request.getAcceptableMediaTypes();
        } catch (RuntimeException unreadable) {
            String readable = AcceptHeader.parse(header).ranges().stream()
                    .map(r -> r.type() + "/" + r.subtype() + ";q=" + r.q())
                    .collect(Collectors.joining(", "));
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, readable);
        }
    }
}
