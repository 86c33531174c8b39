package org.dhakira.harvest;

import java.net.URI;

/**
 * A harvest that could not go on, with the request it stopped at. Each subclass is one way a peer fails and
 * carries what a person needs to see on the harvest page; none is ever swallowed.
 */
public abstract class HarvestException extends RuntimeException {
    private final URI request;

    HarvestException(URI request, String message, Throwable cause) {
        super(message + " (" + request + ")", cause);
        this.request = request;
    }

    /** The URL that was asked, arguments included (for a token loop, the peer's base URL). */
    public URI request() {
        return request;
    }
}
