package org.dhakira.sparql;

import java.util.List;

import org.apache.jena.query.Query;

/**
 * A query that parsed and passed the endpoint's checks, ready to run: the parsed query (with the row cap already
 * applied as a LIMIT where it can be), its form, and the request it came with. Its formats decide the
 * negotiation before anything runs.
 */
public record PreparedQuery(Query query, QueryForm form, QueryRequest request, boolean callsServices) {

    public PreparedQuery {
        if (query == null || form == null || request == null) throw new IllegalArgumentException("query, form and request must be given");
    }

    public List<ResultFormat> formats() {
        return form.formats();
    }
}
