package org.dhakira.harvest;

import java.net.URI;

/**
 * The peer cannot be harvested as it is configured here (a metadata format no crosswalk reads, an id already the
 * name of a harvested URI space): nothing was asked of it; the operator must change its entry.
 */
public final class PeerMisconfiguredException extends HarvestException {
    PeerMisconfiguredException(URI baseUrl, String reason) {
        super(baseUrl, "cannot be harvested as configured: " + reason, null);
    }
}
