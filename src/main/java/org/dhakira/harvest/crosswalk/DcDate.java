package org.dhakira.harvest.crosswalk;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code dc:date} as providers send it, read conservatively: what is certain is kept, nothing is guessed.
 * <ul>
 * <li>{@code 2017-02-07}, and any timestamp on that day ({@code 2017-02-07T00:00:00Z}, {@code 2017-02-07 10:30},
 *     with an offset or fractions): the day as written, not moved to UTC, since the issue date is the one printed;</li>
 * <li>{@code 2017} and {@code 2017-02}: only a year or a month, which is not a date of issue;</li>
 * <li>{@code 25/02/2017} or {@code 02/25/2017}: read only when one number is over 12, so that the order of day and
 *     month does not matter; {@code 07/02/2017} is refused, as it could be either;</li>
 * <li>anything else (ranges, words, impossible days) is refused with the reason.</li>
 * </ul>
 * Arabic-Indic digits are read as digits.
 *
 * <pre>{@code DcDate.read("2017-02-07T00:00:00Z") // Day[2017-02-07]}</pre>
 */
public sealed interface DcDate permits DcDate.Day, DcDate.Month, DcDate.Year, DcDate.Unreadable {

    record Day(LocalDate date) implements DcDate {}

    record Month(YearMonth month) implements DcDate {}

    record Year(int year) implements DcDate {}

    record Unreadable(String text, String reason) implements DcDate {}

    Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?)?)?");
    Pattern SLASHED = Pattern.compile("(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})");

    static DcDate read(String text) {
        String s = westernDigits(text.strip());
        Matcher iso = ISO.matcher(s);
        try {
            if (iso.matches()) {
                int year = Integer.parseInt(iso.group(1));
                if (year < 1) return new Unreadable(text, "year 0 is not a year");
                if (iso.group(2) == null) return new Year(year);
                if (iso.group(3) == null) return new Month(YearMonth.of(year, Integer.parseInt(iso.group(2))));
                return new Day(LocalDate.of(year, Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3))));
            }
            Matcher slashed = SLASHED.matcher(s);
            if (slashed.matches()) {
                int a = Integer.parseInt(slashed.group(1)), b = Integer.parseInt(slashed.group(2)), year = Integer.parseInt(slashed.group(3));
                if (a <= 12 && b <= 12 && a != b) {
                    return new Unreadable(text, "could be day/month or month/day; write it as YYYY-MM-DD");
                }
                return new Day(a > 12 ? LocalDate.of(year, b, a) : LocalDate.of(year, a, b));
            }
        } catch (DateTimeException e) {
            return new Unreadable(text, "is not a day that exists");
        }
        return new Unreadable(text, "is not a date this crosswalk reads (YYYY-MM-DD, a timestamp, YYYY-MM or YYYY)");
    }

    private static String westernDigits(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> out.appendCodePoint(Character.isDigit(c) ? '0' + Character.digit(c, 10) : c));
        return out.toString();
    }
}
