package org.dhakira.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The datestamps peers send, whatever they promised, and the from a harvester sends them. */
class GranularityTest {

    @ParameterizedTest
    @CsvSource({
            "2020-01-02, 2020-01-02T00:00:00Z",
            "2020-01-02T10:11:12Z, 2020-01-02T10:11:12Z",
            "2020-01-02T10:11:12.345Z, 2020-01-02T10:11:12.345Z",
            "2020-01-02T10:11:12, 2020-01-02T10:11:12Z",
    })
    void datestampsAreReadInEitherGranularity(String datestamp, String instant) {
        assertEquals(Instant.parse(instant), Granularity.parse(datestamp));
    }

    @ParameterizedTest
    @CsvSource({"DAY, 2020-01-02", "SECOND, 2020-01-02T23:59:59Z"})
    void fromIsWrittenInThePeersGranularityNeverRoundedUp(Granularity g, String from) {
        assertEquals(from, g.format(Instant.parse("2020-01-02T23:59:59.900Z")));
    }
}
