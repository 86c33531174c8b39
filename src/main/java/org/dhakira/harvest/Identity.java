package org.dhakira.harvest;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a peer says of itself in Identify: the parts a harvester acts on.
 *
 * <pre>{@code Identity peer = client.identify(baseUrl); String from = peer.granularity().format(since);}</pre>
 *
 * @param baseUrl as the peer names it, which may differ from the URL it was asked at (a proxy, a move); worth
 *                showing, never fetched in place of the operator's, as only configured URLs are fetched
 * @param responseDate the peer's clock when it answered: a harvest starting now asks the next one {@code from} it,
 *                     so records the peer changes while it runs are not lost to clocks that disagree
 */
public record Identity(String repositoryName, URI baseUrl, Instant earliestDatestamp, DeletedRecord deletedRecord,
                       Granularity granularity, Optional<Instant> responseDate) {
    public Identity {
        Objects.requireNonNull(repositoryName, "repositoryName");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(earliestDatestamp, "earliestDatestamp");
        Objects.requireNonNull(deletedRecord, "deletedRecord");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(responseDate, "responseDate");
    }
}
