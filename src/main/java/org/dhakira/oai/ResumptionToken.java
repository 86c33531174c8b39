package org.dhakira.oai;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a list stopped, with the request that made it: the metadata format, set and datestamp range, the
 * sequence number of the last record sent, and how many records came before the next page (OAI's cursor).
 * The token is that state, encoded (URL-safe base64), not a key into server memory: it never expires,
 * survives restarts and is answered the same by any replica. A record changed after the harvest passed it gets
 * a higher sequence number and so comes again later in the same list; none is skipped.
 */
public record ResumptionToken(String metadataPrefix, Optional<String> set, Optional<Instant> from,
                              Optional<Instant> until, long after, long cursor, long size) {

    private static final String VERSION = "1";

    /** @param size the completeListSize, counted on the first page */
    public ResumptionToken {
        if (after < 0 || cursor < 0 || size < 0) throw new IllegalArgumentException("position, cursor and size must not be negative");
    }

    public String encode() {
        String text = String.join("\n", VERSION, metadataPrefix, set.orElse(""),
                from.map(t -> Long.toString(t.getEpochSecond())).orElse(""),
                until.map(t -> Long.toString(t.getEpochSecond())).orElse(""),
                Long.toString(after), Long.toString(cursor), Long.toString(size));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    public static ResumptionToken decode(String token) throws OaiException {
        try {
            String[] f = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", -1);
            if (f.length != 8 || !f[0].equals(VERSION) || f[1].isEmpty()) throw new IllegalArgumentException();
            return new ResumptionToken(f[1], optional(f[2]), optional(f[3]).map(s -> Instant.ofEpochSecond(Long.parseLong(s))),
                    optional(f[4]).map(s -> Instant.ofEpochSecond(Long.parseLong(s))), Long.parseLong(f[5]), Long.parseLong(f[6]),
                    Long.parseLong(f[7]));
        } catch (RuntimeException e) { // whatever a crafted token makes fail: base64, numbers, instants out of range
            throw new OaiException(OaiError.badResumptionToken, "the resumptionToken '" + abbreviated(token)
                    + "' was not issued by this repository; start the list again without it");
        }
    }

    private static Optional<String> optional(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** A value as an error message may quote it: at most 60 characters, none that XML cannot carry. */
    static String abbreviated(String s) {
        return OaiXml.writable(s.length() <= 60 ? s : s.substring(0, 60) + "…");
    }
}
