package org.dhakira.harvest;

import java.net.URI;
import java.util.Optional;

import org.dhakira.oai.OaiError;

/**
 * The peer answered with an OAI-PMH {@code <error>} (other than noRecordsMatch, which is an empty list).
 * {@code badResumptionToken} mid-harvest means the list must be started again.
 */
public final class OaiErrorException extends HarvestException {
    private final String code;
    private final String peerMessage;

    OaiErrorException(URI request, String code, String peerMessage) {
        super(request, "the peer answered " + code + (peerMessage.isBlank() ? "" : ": " + peerMessage), null);
        this.code = code;
        this.peerMessage = peerMessage;
    }

    /** As the peer spelled it, which may be no standard code at all. */
    public String code() {
        return code;
    }

    /** The standard code, when it is one. */
    public Optional<OaiError> error() {
        for (OaiError e : OaiError.values()) if (e.name().equals(code)) return Optional.of(e);
        return Optional.empty();
    }

    /** The error element's text, possibly empty. */
    public String peerMessage() {
        return peerMessage;
    }
}
