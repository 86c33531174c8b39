/**
 * Where a harvested record came from, in W3C PROV-O inside the record's own graph: one {@link org.dhakira.provenance.Origin}
 * per hop (the peer's OAI-PMH base URL, its identifier and datestamp, the metadata format, when it was harvested
 * and whether the metadata was altered), nested for a record that came through several archives. Written by the
 * harvester, read by the OAI-PMH provider (its provenance container) and the record pages.
 */
package org.dhakira.provenance;
