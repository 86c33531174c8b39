package org.dhakira.harvest;

import java.net.URI;
import java.util.OptionalInt;

/**
 * No usable HTTP response: the peer could not be reached, timed out, or answered with an HTTP error, on every
 * attempt allowed (a 4xx other than 429 is not tried again).
 */
public final class PeerUnavailableException extends HarvestException {
    private final int attempts;
    private final OptionalInt status;

    PeerUnavailableException(URI request, int attempts, OptionalInt status, Throwable cause) {
        super(request, (status.isPresent() ? "HTTP " + status.getAsInt() : "no response" + (cause == null ? "" : ": " + cause))
                + " after " + attempts + (attempts == 1 ? " attempt" : " attempts"), cause);
        this.attempts = attempts;
        this.status = status;
    }

    public int attempts() {
        return attempts;
    }

    /** The last HTTP status, empty when the last attempt had no response at all. */
    public OptionalInt status() {
        return status;
    }
}
