package org.dhakira.sparql;

import java.util.List;

/** The four forms of a SPARQL query: two answer with tables, two with graphs. */
public enum QueryForm {
    SELECT, ASK, CONSTRUCT, DESCRIBE;

    /** The formats this form's answers can take, the default first. */
    public List<ResultFormat> formats() {
        return ResultFormat.forGraphs(this == CONSTRUCT || this == DESCRIBE);
    }
}
