/**
 * The bilingual full-text index derived from the store: Arabic and English analysis, search with facets, and the
 * ordered listing OAI-PMH pages through. Entries carry the names of the records they link to, and follow their
 * renames ({@code Relabelling}).
 */
package org.dhakira.index;
