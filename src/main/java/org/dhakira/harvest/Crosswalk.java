package org.dhakira.harvest;

import java.util.Optional;

import org.dhakira.store.RecordId;

/**
 * Maps the records of archives that are not Dhakira (in {@code oai_dc}, say) onto this archive's vocabulary,
 * under local URIs minted from their OAI identifiers.
 */
public interface Crosswalk {
    /** The metadata prefix it reads. */
    String metadataPrefix();

    /** That format's XML namespace, which the provenance records. */
    String metadataNamespace();

    /** The record here that a peer's identifier names: what a deletion, which has no metadata, is found by. */
    Optional<RecordId> id(Peer peer, String identifier);

    /** The record mapped, or why it cannot be. */
    Mapped map(Peer peer, HarvestedRecord record);
}
