package org.dhakira.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Retry-After in both of its forms, against a fixed now. */
class RetryAfterTest {
    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "1|PT1S",
            " 120 |PT2M",
            "0|PT0S",
            "'Tue, 01 Dec 2026 08:00:30 GMT'|PT30S",
            "'Tue, 01 Dec 2026 07:00:00 GMT'|PT0S",
            "soon|none",
            "-5|none",
            "none|none",
    })
    void readsSecondsAndHttpDates(String header, String wait) {
        assertEquals(Optional.ofNullable(wait).map(Duration::parse), RetryAfter.parse(Optional.ofNullable(header), NOW));
    }
}
