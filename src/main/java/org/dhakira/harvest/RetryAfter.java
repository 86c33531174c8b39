package org.dhakira.harvest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** A {@code Retry-After} header (RFC 9110, 10.2.3): a number of seconds or an HTTP date. */
final class RetryAfter {
    private RetryAfter() {}

    /** The wait it asks for from {@code now}, never negative; empty when there is no header or it is neither form. */
    static Optional<Duration> parse(Optional<String> header, Instant now) {
        if (header.isEmpty()) return Optional.empty();
        String value = header.get().strip();
        if (value.matches("\\d{1,9}")) return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        try {
            Duration d = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
