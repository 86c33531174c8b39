package org.dhakira.provenance;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One hop of a harvested record's history, as OAI-PMH's provenance container describes it: the record as a peer
 * served it (its base URL, OAI identifier, datestamp and metadata format), when this hop's harvest took it, and
 * whether it changed the metadata.
 */
public record Origin(URI baseUrl, String identifier, Instant datestamp, String metadataNamespace, Instant harvestDate,
                     boolean altered) {
    public Origin {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (identifier == null || identifier.isBlank()) throw new IllegalArgumentException("an origin needs the peer's OAI identifier");
        Objects.requireNonNull(datestamp, "datestamp");
        if (metadataNamespace == null || metadataNamespace.isBlank()) throw new IllegalArgumentException("an origin needs its metadata namespace");
        Objects.requireNonNull(harvestDate, "harvestDate");
    }
}
