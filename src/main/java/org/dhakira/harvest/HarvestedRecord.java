package org.dhakira.harvest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One record of a page as the peer sent it, not yet mapped: its header, and the element inside
 * {@code <metadata>} as a standalone XML document (every namespace it uses declared on its root), ready for a
 * crosswalk or, for {@code rdf}, for Jena's RDF/XML parser.
 *
 * @param metadata empty for a deleted record, and for a live one some providers send without metadata
 * @param about each {@code <about>} container's element, the same way: where a peer's own provenance is, which a
 *              record harvested through two hops must keep
 */
public record HarvestedRecord(RecordHeader header, Optional<String> metadata, List<String> about) {
    public HarvestedRecord {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(metadata, "metadata");
        about = List.copyOf(about);
    }
}
