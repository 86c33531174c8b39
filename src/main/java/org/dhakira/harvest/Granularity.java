package org.dhakira.harvest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The precision of a peer's datestamps, as its Identify promises: a day or a second (OAI-PMH 2.0, 3.3.2).
 * Arguments are written in the promised granularity, since a day-granularity provider refuses seconds; datestamps
 * are read in either, since providers do not always keep their promise.
 *
 * <pre>{@code String from = identity.granularity().format(lastHarvestStart);}</pre>
 */
public enum Granularity {
    DAY("YYYY-MM-DD"), SECOND("YYYY-MM-DDThh:mm:ssZ");

    private final String spelling;

    Granularity(String spelling) {
        this.spelling = spelling;
    }

    /** As Identify spells it. */
    public String spelling() {
        return spelling;
    }

    /** The granularity Identify names, if it names one of the two. */
    public static Optional<Granularity> find(String spelling) {
        for (Granularity g : values()) if (g.spelling.equals(spelling.strip())) return Optional.of(g);
        return Optional.empty();
    }

    /** A {@code from} argument: truncated, never rounded up, so a day-granularity harvest misses nothing. */
    public String format(Instant instant) {
        return this == DAY ? LocalDate.ofInstant(instant, ZoneOffset.UTC).toString()
                : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * A datestamp in either granularity, whatever was promised; a fraction of a second or a missing {@code Z} is
     * taken as UTC too, as the protocol allows no other zone.
     *
     * @throws DateTimeParseException when it is no date at all
     */
    public static Instant parse(String datestamp) {
        String s = datestamp.strip();
        if (s.length() == 10) return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (s.endsWith("Z")) return Instant.parse(s);
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    }
}
