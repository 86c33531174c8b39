package org.dhakira.harvest.crosswalk;

import java.util.Objects;

/**
 * One thing a crosswalk could not carry over: the field it is in and why. A {@code dc:}-prefixed field names the
 * peer's element ({@code dc:date}); a bare one names the archive's field ({@code type}), as validation reports it.
 */
public record Problem(String field, String reason) {
    public Problem {
        Objects.requireNonNull(field, "field");
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("a problem needs a reason");
    }

    @Override
    public String toString() {
        return field.isEmpty() ? reason : field + ": " + reason;
    }
}
