package org.dhakira.index;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of a search: the total number of matches, the hits, counts for every facet over all the matches
 * ({@code facetsEstimated} when they were counted on a sample of very many matches; the total is always exact),
 * and the cursor of the next page (absent on the last).
 */
public record SearchResult(long total, List<Hit> hits, Map<String, List<FacetCount>> facets, boolean facetsEstimated,
                           Optional<String> next) {

    /**
     * A matching record: its id, its titles (or names) by language, a highlighted snippet (HTML-escaped text
     * with {@code <mark>} around the matches) in the query's language, its date of issue if any.
     */
    public record Hit(String id, String kind, Optional<String> titleAr, Optional<String> titleEn,
                      Optional<String> snippet, Optional<String> snippetLanguage, Optional<String> issued) {}

    public record FacetCount(String value, long count) {}
}
