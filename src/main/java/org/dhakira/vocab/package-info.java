/** The archive vocabulary: term constants, kinds, and the ontology, schemes, shapes and JSON-LD context loaded from {@code vocab/}. */
package org.dhakira.vocab;
