/** The bilingual full-text index derived from the store: Arabic and English analysis, search with facets, and the ordered listing OAI-PMH pages through. */
package org.dhakira.index;
