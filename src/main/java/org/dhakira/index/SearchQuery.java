package org.dhakira.index;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A search as a person or script asks it: words (Lucene syntax, with {@code title:}, {@code issuer:},
 * {@code code:}), an optional language to match in (else both), facet filters (several values of one facet
 * are alternatives; different facets must all hold), a date-of-issue range, the order, the page size and the
 * cursor of the page to continue after.
 */
public record SearchQuery(String text, Optional<String> language, Map<String, List<String>> filters,
                          Optional<LocalDate> from, Optional<LocalDate> until, Order order, int size, Optional<String> after) {

    public enum Order { RELEVANCE, NEWEST, OLDEST }

    public static final int MAX_SIZE = 100;
    public static final int MAX_TEXT = 1000;
    /** The facets a search can count and filter by. */
    public static final List<String> FACETS = List.of(Fields.FACETS);

    public SearchQuery {
        text = text == null ? "" : text.strip();
        if (text.length() > MAX_TEXT) throw new IllegalArgumentException("the query is longer than " + MAX_TEXT + " characters");
        if (language.isPresent() && !List.of("ar", "en").contains(language.get())) {
            throw new IllegalArgumentException("language must be ar or en, was '" + language.get() + "'");
        }
        if (size < 1 || size > MAX_SIZE) throw new IllegalArgumentException("page size must be between 1 and " + MAX_SIZE + ", was " + size);
        for (String facet : filters.keySet()) {
            if (!FACETS.contains(facet)) {
                throw new IllegalArgumentException("unknown filter '" + facet + "' (known: " + String.join(", ", Fields.FACETS) + ")");
            }
        }
        if (from.isPresent() && until.isPresent() && until.get().isBefore(from.get())) {
            throw new IllegalArgumentException("the date range ends (" + until.get() + ") before it starts (" + from.get() + ")");
        }
        filters = Map.copyOf(filters);
    }

    public static SearchQuery of(String text) {
        return new SearchQuery(text, Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Order.RELEVANCE, 20, Optional.empty());
    }

    public SearchQuery withFilter(String facet, String value) {
        Map<String, List<String>> f = new java.util.LinkedHashMap<>(filters);
        f.merge(facet, List.of(value), (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        return new SearchQuery(text, language, f, from, until, order, size, after);
    }
}
