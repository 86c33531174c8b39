package org.dhakira.harvest;

import java.util.Optional;

import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;

/**
 * Maps the records of archives that are not Dhakira (in {@code oai_dc}, say) onto this archive's vocabulary,
 * under local URIs minted from their OAI identifiers.
 */
public interface Crosswalk {
    /** The metadata prefix it reads. */
    String metadataPrefix();

    /** That format's XML namespace, which the provenance records. */
    String metadataNamespace();

    /** Starts mapping one harvest of {@code peer} into {@code store}: what it matches names against is read once here. */
    Run begin(Peer peer, RecordStore store);

    /** The mapping of one harvest's records. */
    interface Run {
        /** The record here that a peer's identifier names: what a deletion, which has no metadata, is found by. */
        Optional<RecordId> id(String identifier);

        /** The record mapped and checked against the archive's shapes, or why it cannot be taken. */
        Mapped map(HarvestedRecord record);
    }
}
