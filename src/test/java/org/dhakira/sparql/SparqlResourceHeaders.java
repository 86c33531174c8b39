package org.dhakira.sparql;

/** The response headers the SPARQL door adds, as its tests read them. */
final class SparqlResourceHeaders {
    private SparqlResourceHeaders() {}

    static final String ROW_CAP = "X-Dhakira-Row-Cap";
}
