/**
 * Crosswalks: foreign metadata harvested from peers mapped onto the archive's vocabulary. {@link
 * org.dhakira.harvest.crosswalk.DublinCore} maps an {@code oai_dc} record, following the data in {@code
 * harvest/crosswalks/oai_dc.json} ({@link org.dhakira.harvest.crosswalk.DcRules}), into a record graph that passes
 * the archive's own validation, or says why it cannot. Nothing here writes to the store.
 */
package org.dhakira.harvest.crosswalk;
