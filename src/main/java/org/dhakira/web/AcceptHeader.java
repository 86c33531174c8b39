package org.dhakira.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An HTTP {@code Accept} header (RFC 9110 §12.5.1) as the media ranges it lists, each with its weight. A range
 * that cannot be read is ignored rather than refused, as clients' headers are often sloppy; a missing or empty
 * header accepts anything.
 *
 * <pre>{@code AcceptHeader.parse("text/html,application/xml;q=0.9,* /*;q=0.8").match("text/turtle").q() // 0.8}</pre>
 */
public record AcceptHeader(List<Range> ranges) {

    public AcceptHeader {
        ranges = List.copyOf(ranges);
    }

    /** One media range: {@code type/subtype}, either of which may be {@code *}, and its {@code q}. */
    public record Range(String type, String subtype, double q) {
        /** 2 for an exact type, 1 for {@code type/*}, 0 for {@code * /*}: the most specific range decides (§12.5.1). */
        int specificity() {
            return type.equals("*") ? 0 : subtype.equals("*") ? 1 : 2;
        }

        boolean matches(String t, String s) {
            return (type.equals("*") || type.equals(t)) && (subtype.equals("*") || subtype.equals(s));
        }
    }

    /** How a media type fares against the header: its weight and how specifically a range named it. */
    public record Match(double q, int specificity) {
        static final Match NONE = new Match(0, -1);
    }

    private static final AcceptHeader ANYTHING = new AcceptHeader(List.of(new Range("*", "*", 1)));

    public static AcceptHeader parse(String header) {
        if (header == null || header.isBlank()) return ANYTHING;
        List<Range> ranges = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] params = part.split(";");
            if (params.length == 0) continue; // ";" alone
            String[] type = params[0].trim().toLowerCase(Locale.ROOT).split("/", -1);
            if (type.length != 2 || type[0].isEmpty() || type[1].isEmpty()) continue;
            if (type[0].equals("*") && !type[1].equals("*")) continue;
            double q = 1;
            boolean readable = true;
            for (int i = 1; i < params.length; i++) {
                String p = params[i].trim();
                if (p.regionMatches(true, 0, "q=", 0, 2)) {
                    try {
                        q = Double.parseDouble(p.substring(2).trim());
                    } catch (NumberFormatException e) {
                        readable = false;
                    }
                    if (q < 0 || q > 1 || Double.isNaN(q)) readable = false;
                }
            }
            if (readable) ranges.add(new Range(type[0], type[1], q));
        }
        return ranges.isEmpty() ? ANYTHING : new AcceptHeader(ranges);
    }

    /** The match of {@code mediaType} ({@code type/subtype}): the q of the most specific range naming it. */
    public Match match(String mediaType) {
        int slash = mediaType.indexOf('/');
        String t = mediaType.substring(0, slash).toLowerCase(Locale.ROOT);
        String s = mediaType.substring(slash + 1).toLowerCase(Locale.ROOT);
        Match best = Match.NONE;
        for (Range r : ranges) {
            if (r.matches(t, s) && r.specificity() > best.specificity()) best = new Match(r.q(), r.specificity());
        }
        return best;
    }

    /**
     * How a format known by a type and some aliases fares: wildcards are weighed against its type alone, and an
     * alias counts only where a range names it exactly, so {@code application/*} never reaches Turtle through
     * {@code application/x-turtle}; a {@code q=0} on one of its aliases refuses the format unless its own type is
     * named and taken.
     */
    Optional<Match> best(String mediaType, List<String> aliases) {
        Match best = match(mediaType);
        if (best.specificity() == 2 && best.q() == 0) return Optional.empty();
        for (String alias : aliases) {
            Match x = match(alias);
            if (x.specificity() < 2) continue;
            // A refused alias refuses the format, unless the client named the format's own type and took it.
            if (x.q() == 0) {
                if (best.specificity() == 2 && best.q() > 0) continue;
                return Optional.empty();
            }
            if (x.q() > best.q() || (x.q() == best.q() && x.specificity() > best.specificity())) best = x;
        }
        return best.q() > 0 ? Optional.of(best) : Optional.empty();
    }
}
