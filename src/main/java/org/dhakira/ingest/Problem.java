package org.dhakira.ingest;

import java.util.Objects;

/**
 * One thing wrong with the input: where it is (source file and line, when known), which record, which field,
 * and why. {@code toString()} gives the line a user reads:
 * {@code records.jsonl:12: document/x: issued: '2017-02-30' is not a date that exists}.
 */
public record Problem(String source, long line, String record, String field, String reason) {

    public Problem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) sb.append(':').append(line);
        sb.append(": ");
        if (!record.isEmpty()) sb.append(record).append(": ");
        if (!field.isEmpty()) sb.append(field).append(": ");
        return sb.append(reason).toString();
    }
}
