package org.dhakira.harvest;

/**
 * A peer's resumption token: opaque, sent back exactly as it came (only the white space of pretty-printing
 * around it is dropped). What a harvest stores beside a committed page, to resume after it.
 */
public record ResumptionToken(String value) {
    public ResumptionToken {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("a resumption token is not empty; an empty one ends the list");
    }

    @Override
    public String toString() {
        return value;
    }
}
