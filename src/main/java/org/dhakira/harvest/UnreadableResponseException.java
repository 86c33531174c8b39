package org.dhakira.harvest;

import java.net.URI;

/**
 * A response that is not an OAI-PMH response this harvester will read: not well-formed (a truncated page), with
 * a DOCTYPE (refused, as entities are how XML from strangers reads files and exhausts memory), larger than the
 * limit, or missing what the protocol requires.
 */
public final class UnreadableResponseException extends HarvestException {
    private final String reason;
    private final int line;
    private final int column;

    UnreadableResponseException(URI request, String reason, int line, int column, Throwable cause) {
        super(request, "unreadable response" + (line > 0 ? " at line " + line + ", column " + column : "") + ": " + reason, cause);
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    public String reason() {
        return reason;
    }

    /** Where in the response, 1-based; 0 when the fault is not at one place (its size, say). */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
