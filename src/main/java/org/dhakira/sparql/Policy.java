package org.dhakira.sparql;

import java.time.Duration;
import java.util.Set;

/**
 * What the endpoint allows a query: how long it may run, how many rows (or triples) its answer may carry before
 * it is cut, and the only endpoints it may call with SERVICE.
 *
 * <pre>{@code new Policy(Duration.ofSeconds(30), 10_000, Set.of())}</pre>
 */
public record Policy(Duration timeout, int rowCap, Set<String> allowedServices) {

    public Policy {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        if (rowCap < 1) throw new IllegalArgumentException("rowCap must be positive, was " + rowCap);
        allowedServices = Set.copyOf(allowedServices);
    }
}
