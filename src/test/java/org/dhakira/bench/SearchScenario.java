package org.dhakira.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.dhakira.index.Search;
import org.dhakira.index.SearchQuery;

/**
 * Search latency, in process, one query at a time: a fixed mix of one- and two-word queries in Arabic and
 * English, half of them with a facet filter, with facet counts and snippets as the search page asks for them.
 * No anchor runs beside it; the goal is absolute (p50 ≤ 20 ms, p99 ≤ 100 ms).
 */
final class SearchScenario implements Scenario {

    static final int WARMUP = 200;
    static final int QUERIES = 2_000;

    @Override
    public String name() {
        return "search";
    }

    /**
     * The archive's search, and beside it the same search counting facets on every match (no sampling), each
     * query run by both in turn so that the machine's moods fall on both alike.
     */
    @Override
    public List<Result> run(BenchContext ctx) throws Exception {
        Search search = ctx.archive.search();
        Search exact = new Search(ctx.archive.index(), Integer.MAX_VALUE);
        List<SearchQuery> mix = mix(new Random(11), WARMUP + QUERIES);
        long[] nanos = new long[QUERIES];
        long[] exactNanos = new long[QUERIES];
        long hits = 0;
        long[] slowestHits = new long[1];
        for (int i = 0; i < mix.size(); i++) {
            long t = System.nanoTime();
            long total = search.search(mix.get(i)).total();
            long took = System.nanoTime() - t;
            t = System.nanoTime();
            exact.search(mix.get(i));
            long exactTook = System.nanoTime() - t;
            hits += total;
            if (i >= WARMUP) {
                nanos[i - WARMUP] = took;
                exactNanos[i - WARMUP] = exactTook;
                if (took > 100_000_000L) slowestHits[0] = Math.max(slowestHits[0], total);
            }
        }
        Arrays.sort(nanos);
        Arrays.sort(exactNanos);
        System.out.printf("  %,d queries, %,d hits in all; the most matches of a query over 100 ms: %,d%n", QUERIES, hits, slowestHits[0]);
        return List.of(
                Result.alone(name(), "p50 (1–2 words, half filtered)", "ms", nanos[QUERIES / 2] / 1e6),
                Result.alone(name(), "p99", "ms", nanos[QUERIES * 99 / 100] / 1e6),
                Result.alone(name(), "p50, facets counted exactly", "ms", exactNanos[QUERIES / 2] / 1e6),
                Result.alone(name(), "p99, facets counted exactly", "ms", exactNanos[QUERIES * 99 / 100] / 1e6));
    }

    static List<SearchQuery> mix(Random r, int n) {
        List<SearchQuery> out = new ArrayList<>();
        String[] facets = {"type", "reliability", "year"};
        for (int i = 0; i < n; i++) {
            boolean arabic = r.nextBoolean();
            String text = arabic ? Words.arabic(r) : Words.english(r);
            if (r.nextBoolean()) text += " " + (arabic ? Words.arabic(r) : Words.english(r));
            Map<String, List<String>> filters = Map.of();
            if (r.nextBoolean()) {
                String facet = facets[r.nextInt(facets.length)];
                String value = switch (facet) {
                    case "type" -> SyntheticArchive.TYPES[r.nextInt(SyntheticArchive.TYPES.length)];
                    case "reliability" -> SyntheticArchive.GRADES[r.nextInt(SyntheticArchive.GRADES.length)];
                    default -> String.valueOf(2011 + r.nextInt(14));
                };
                filters = Map.of(facet, List.of(value));
            }
            out.add(new SearchQuery(text, Optional.empty(), filters, Optional.empty(), Optional.empty(),
                    SearchQuery.Order.RELEVANCE, 20, Optional.empty()));
        }
        return out;
    }
}
