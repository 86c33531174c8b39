package org.dhakira.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DayTest {

    @Test
    void anArabicPageWritesTheLevantineMonthAndTheUmmAlQuraDate() {
        Day d = Day.of(LocalDate.of(2011, 3, 15), "ar");
        assertEquals("2011-03-15", d.iso());
        assertEquals("15 آذار 2011", d.gregorian());
        assertEquals("10 ربيع الآخر 1432 هـ", d.hijri());
    }

    @Test
    void anEnglishPageWritesBoth() {
        Day d = Day.of(LocalDate.of(2017, 2, 7), "en");
        assertEquals("7 February 2017", d.gregorian());
        assertEquals("10 Jumada I 1438 AH", d.hijri());
    }

    @Test
    void outsideTheHijriTablesOnlyTheGregorianDateIsShown() {
        Day d = Day.of(LocalDate.of(1850, 1, 1), "ar");
        assertEquals("1 كانون الثاني 1850", d.gregorian());
        assertNull(d.hijri());
    }
}
