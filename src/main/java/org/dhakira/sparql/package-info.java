/**
 * The SPARQL door: the SPARQL 1.1 Protocol for read-only queries over the record graphs, with honest limits
 * (a timeout that stops the query, a row cap that says when it cuts), full text through the archive's own index
 * ({@code text:query}), a service description and a gallery of example queries.
 */
package org.dhakira.sparql;
