package org.dhakira.harvest;

import java.util.Objects;
import java.util.Optional;

/**
 * One record of a page as the peer sent it, not yet mapped: its header, and the element inside
 * {@code <metadata>} as a standalone XML document (every namespace it uses declared on its root), ready for a
 * crosswalk or, for {@code rdf}, for Jena's RDF/XML parser.
 *
 * @param metadata empty for a deleted record, and for a live one some providers send without metadata
 */
public record HarvestedRecord(RecordHeader header, Optional<String> metadata) {
    public HarvestedRecord {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(metadata, "metadata");
    }
}
