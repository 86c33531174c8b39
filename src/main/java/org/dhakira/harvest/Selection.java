package org.dhakira.harvest;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which of a peer's records to list: a metadata format, optionally one set, optionally those changed since an
 * instant (written in the peer's granularity when asked).
 *
 * <pre>{@code new Selection("rdf", Optional.empty(), Optional.of(lastHarvestStart))}</pre>
 */
public record Selection(String metadataPrefix, Optional<String> set, Optional<Instant> from) {
    public Selection {
        if (metadataPrefix == null || !metadataPrefix.matches("[A-Za-z0-9\\-_.!~*'()]+")) {
            throw new IllegalArgumentException("metadataPrefix is not an OAI-PMH metadata prefix: '" + metadataPrefix + "'");
        }
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(from, "from");
        if (set.isPresent() && set.get().isBlank()) throw new IllegalArgumentException("set is blank; leave it empty for all records");
    }

    /** Every record in one format. */
    public static Selection all(String metadataPrefix) {
        return new Selection(metadataPrefix, Optional.empty(), Optional.empty());
    }
}
