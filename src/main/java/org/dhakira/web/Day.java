package org.dhakira.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.HijrahChronology;
import java.time.chrono.HijrahDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * A day as a page shows it: {@code iso} for {@code <time datetime>}, the Gregorian date written out in the
 * page's language, and the Hijri date (Umm al-Qura, java.time's {@link HijrahChronology}) when the day is inside
 * the range that calendar's tables cover (1300–1600 AH); {@code hijri} is null outside it.
 *
 * <pre>{@code Day.of(LocalDate.of(2017, 2, 7), "ar") // 7 شباط 2017 · 10 جمادى الأولى 1438 هـ}</pre>
 */
record Day(String iso, String gregorian, String hijri) {

    // ar-SY: the Levant's month names (شباط, not فبراير), as the archive's own pages write them.
    private static final Locale ARABIC = Locale.forLanguageTag("ar-SY");

    static Day of(LocalDate day, String ui) {
        Locale locale = ui.equals("ar") ? ARABIC : Locale.ENGLISH;
        DateTimeFormatter written = DateTimeFormatter.ofPattern("d MMMM y", locale);
        return new Day(day.toString(), written.format(day), hijri(day, written, ui).orElse(null));
    }

    private static Optional<String> hijri(LocalDate day, DateTimeFormatter written, String ui) {
        try {
            HijrahDate h = HijrahDate.from(day);
            return Optional.of(written.withChronology(HijrahChronology.INSTANCE).format(h) + (ui.equals("ar") ? " هـ" : " AH"));
        } catch (DateTimeException outsideTheTables) {
            return Optional.empty();
        }
    }

    static Optional<LocalDate> parse(String lexical) {
        try {
            return Optional.of(LocalDate.parse(lexical));
        } catch (DateTimeException notADay) {
            return Optional.empty();
        }
    }
}
