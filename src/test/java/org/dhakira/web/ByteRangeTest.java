package org.dhakira.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Range headers a download resumer sends, against a file of 100 bytes. */
class ByteRangeTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "bytes=0-9      | 0-9",
            "bytes=90-      | 90-99",
            "bytes=90-500   | 90-99",
            "bytes=-10      | 90-99",
            "bytes=-500     | 0-99",
            "bytes=100-     | unsatisfiable",
            "bytes=-0       | unsatisfiable",
            "bytes=9-0      | whole",
            "bytes=0-1,5-6  | whole",
            "items=0-9      | whole",
            "bytes=-        | whole",
            "none           | whole",
    })
    void readsOneRangeAndIgnoresTheRest(String header, String expected) {
        Optional<ByteRange> r = ByteRange.parse(header, 100);
        String got = r.isEmpty() ? "whole" : !r.get().satisfiable(100) ? "unsatisfiable" : r.get().first() + "-" + r.get().last();
        assertEquals(expected, got);
    }
}
