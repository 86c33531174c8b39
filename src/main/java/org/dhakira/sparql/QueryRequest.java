package org.dhakira.sparql;

import java.util.List;

/**
 * One query as the protocol delivers it: the query text and the dataset the request names
 * ({@code default-graph-uri}, {@code named-graph-uri}); when both lists are empty the query's own FROM clauses,
 * or else the whole archive, make the dataset.
 */
public record QueryRequest(String query, List<String> defaultGraphs, List<String> namedGraphs) {

    /** A query longer than this is a mistake or an attack, not research. */
    public static final int MAX_LENGTH = 100_000;

    public QueryRequest {
        if (query == null || query.isBlank()) throw new QueryRefusedException(QueryRefusedException.Reason.BAD_REQUEST, "the query is empty");
        if (query.length() > MAX_LENGTH) {
            throw new QueryRefusedException(QueryRefusedException.Reason.BAD_REQUEST, "the query is longer than " + MAX_LENGTH + " characters");
        }
        defaultGraphs = List.copyOf(defaultGraphs);
        namedGraphs = List.copyOf(namedGraphs);
    }

    public static QueryRequest of(String query) {
        return new QueryRequest(query, List.of(), List.of());
    }

    boolean namesDataset() {
        return !defaultGraphs.isEmpty() || !namedGraphs.isEmpty();
    }
}
