package org.dhakira.harvest.crosswalk;

import java.util.Optional;

import org.dhakira.store.RecordId;

/**
 * Finds the archive's organisation or person a name from a peer means ({@code dc:creator}, {@code dc:subject}).
 * {@link NameIndex} is the archive's own; a harvester may bring another (a curated list of equivalences).
 */
@FunctionalInterface
public interface NameMatcher {

    /** The one record {@code name} means, or empty when it means none, or more than one (no guessing between two). */
    Optional<RecordId> match(String name);
}
