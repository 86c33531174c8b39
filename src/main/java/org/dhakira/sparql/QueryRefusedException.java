package org.dhakira.sparql;

/**
 * A request the endpoint will not answer, with the reason (which decides the HTTP status) and a message for the
 * person who wrote the query. Thrown through Jena's iterators too, so it is unchecked.
 */
public final class QueryRefusedException extends RuntimeException {

    /** Why a request was refused; each reason has one HTTP status. */
    public enum Reason {
        /** The request does not follow the protocol, or names something that is not there. */
        BAD_REQUEST(400),
        /** The query does not parse; the message gives line and column. */
        SYNTAX(400),
        /** SPARQL Update, or SERVICE to an endpoint not on the allow-list: this door only reads. */
        FORBIDDEN(403),
        /** A body in a media type or charset the protocol does not take. */
        UNSUPPORTED_MEDIA_TYPE(415),
        /** The query ran into the time limit and was stopped. */
        TIMEOUT(503);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Reason reason;

    public QueryRefusedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
