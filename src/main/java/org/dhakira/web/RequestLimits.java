package org.dhakira.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The limits every request meets before a resource sees it: a URI (path and query string) longer than
 * {@code maxUriLength} is refused with 414, and a body longer than {@code maxBody} with 413 — at once when its
 * {@code Content-Length} says so, else as soon as the reader passes the limit, so nothing beyond it is read.
 * (Jetty refuses a request line or headers past {@code http.maxHeaderSize} before this.)
 */
@PreMatching
public final class RequestLimits implements ContainerRequestFilter {

    private final int maxBody;
    private final int maxUriLength;

    public RequestLimits(int maxBody, int maxUriLength) {
        if (maxBody < 1) throw new IllegalArgumentException("maxBody must be positive, was " + maxBody);
        if (maxUriLength < 1) throw new IllegalArgumentException("maxUriLength must be positive, was " + maxUriLength);
        this.maxBody = maxBody;
        this.maxUriLength = maxUriLength;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        java.net.URI uri = request.getUriInfo().getRequestUri();
        int length = uri.getRawPath().length() + (uri.getRawQuery() == null ? 0 : uri.getRawQuery().length() + 1);
        if (length > maxUriLength) {
            throw refusal(Response.Status.REQUEST_URI_TOO_LONG, "The request's URI has " + length + " characters; this archive takes at most "
                    + maxUriLength + ". Send a long SPARQL query or OAI request by POST instead.");
        }
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            long n;
            try {
                n = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw refusal(Response.Status.BAD_REQUEST, "Content-Length '" + declared + "' is not a number.");
            }
            if (n > maxBody) throw tooLarge();
        }
        request.setEntityStream(new Bounded(request.getEntityStream()));
    }

    private WebApplicationException tooLarge() {
        return refusal(Response.Status.REQUEST_ENTITY_TOO_LARGE, "The request body is larger than this archive takes (" + maxBody + " bytes).");
    }

    private static WebApplicationException refusal(Response.Status status, String message) {
        return new WebApplicationException(message, Response.status(status).type("text/plain;charset=utf-8")
                .header("Connection", "close").entity(message + "\n").build());
    }

    /** A body read no further than the limit: reading past it is refused, not done. */
    private final class Bounded extends FilterInputStream {
        private long read;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // Never ask for more than one byte past the limit, so that passing it is noticed without reading on.
            long room = maxBody - read + 1;
            int n = super.read(buffer, offset, (int) Math.min(length, Math.max(1, room)));
            if (n > 0) count(n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, maxBody - read + 1));
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            read += n;
            if (read > maxBody) throw tooLarge();
        }
    }
}
