package org.dhakira.index;

/** A query the index cannot run, with a message for the person who wrote it. */
public final class InvalidQueryException extends Exception {
    public InvalidQueryException(String message) {
        super(message);
    }
}
