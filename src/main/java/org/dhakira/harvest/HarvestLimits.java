package org.dhakira.harvest;

import java.time.Duration;

/**
 * How long and how much a harvester waits for and accepts from a peer, and how it retries. Built by
 * {@link OaiClient.Builder}, which checks each value as it is set.
 */
record HarvestLimits(Duration connectTimeout, Duration readTimeout, long maxResponseBytes, int maxAttempts,
                     Duration firstBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    static final HarvestLimits DEFAULTS = new HarvestLimits(Duration.ofSeconds(20), Duration.ofMinutes(5), 64L << 20, 6,
            Duration.ofSeconds(2), Duration.ofMinutes(2), Duration.ofMinutes(10));

    /** The wait before attempt {@code attempt + 1}: doubling from the first, never past the longest. */
    Duration backoff(int attempt) {
        Duration d = firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 30));
        return d.compareTo(maxBackoff) > 0 || d.isNegative() ? maxBackoff : d;
    }
}
