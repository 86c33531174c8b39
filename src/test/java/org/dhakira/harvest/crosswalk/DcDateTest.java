package org.dhakira.harvest.crosswalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The dc:date forms real providers send, and those refused rather than guessed. */
class DcDateTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "2017-02-07                | 2017-02-07",
            "2017-02-07T00:00:00Z      | 2017-02-07",
            "2017-02-07T23:30:00-05:00 | 2017-02-07",
            "2017-02-07T10:11:12.345Z  | 2017-02-07",
            "2017-02-07 10:30          | 2017-02-07",
            "' 2017-02-07 '            | 2017-02-07",
            "٢٠١٧-٠٢-٠٧                | 2017-02-07",
            "25/02/2017                | 2017-02-25",
            "02/25/2017                | 2017-02-25",
            "07/07/2017                | 2017-07-07",
            "25.02.2017                | 2017-02-25"})
    void aDayIsReadAsWritten(String text, String day) {
        assertEquals(new DcDate.Day(LocalDate.parse(day)), DcDate.read(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"07/02/2017", "2017-02-30", "2017-13", "0000", "2011/2015", "February 7, 2017", "", "2017-2-7", "circa 2017"})
    void whatCannotBeReadForSureIsRefused(String text) {
        assertInstanceOf(DcDate.Unreadable.class, DcDate.read(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2017", "2017-02"})
    void aYearOrAMonthIsNotADay(String text) {
        DcDate d = DcDate.read(text);
        assertEquals(text.length() == 4 ? new DcDate.Year(2017) : new DcDate.Month(YearMonth.of(2017, 2)), d);
    }
}
