package org.dhakira.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.system.Txn;
import org.dhakira.index.Listing;
import org.dhakira.store.RecordStore;

/**
 * The cost of one 100-record page of the ordered listing OAI-PMH uses, at the first, middle and last page,
 * against the same page computed the plain way: a SPARQL ORDER BY … OFFSET … LIMIT 100 over the same store.
 */
final class ListingScenario implements Scenario {

    static final int PAGE = 100;
    static final int REPEATS = 30;

    @Override
    public String name() {
        return "listing page (100 records)";
    }

    @Override
    public List<Result> run(BenchContext ctx) {
        Listing listing = ctx.archive.listing();
        RecordStore store = ctx.archive.store();
        long total = listing.count(Optional.empty(), Optional.empty(), Optional.empty());
        long last = store.position().sequence();
        List<Result> results = new ArrayList<>();
        double firstOurs = 0;
        for (String where : List.of("first", "middle", "last")) {
            long offset = switch (where) {
                case "first" -> 0;
                case "middle" -> total / 2;
                default -> Math.max(0, total - PAGE);
            };
            // Our position is a sequence number; find the one at that offset once, outside the timing.
            long after = positionAt(listing, offset);
            double ours = median(() -> listing.page(Optional.empty(), Optional.empty(), Optional.empty(), after, PAGE), REPEATS);
            double sparql = median(() -> sparqlPage(store, offset), 5);
            if (where.equals("first")) firstOurs = ours;
            results.add(new Result(name(), where + " page", "ms", ours, sparql, false, "SPARQL ORDER BY/OFFSET"));
        }
        results.add(Result.alone(name(), "last/first (goal ≤ 1.5)", "ratio", results.get(2).ours() / firstOurs));
        System.out.printf("  %,d records listed, last change %d%n", total, last);
        return results;
    }

    private static long positionAt(Listing listing, long offset) {
        if (offset == 0) return 0;
        long after = 0;
        long skipped = 0;
        while (skipped < offset) {
            int step = (int) Math.min(10_000, offset - skipped);
            Listing.Page p = listing.page(Optional.empty(), Optional.empty(), Optional.empty(), after, step);
            after = p.last();
            skipped += p.entries().size();
            if (!p.more()) break;
        }
        return after;
    }

    private static int sparqlPage(RecordStore store, long offset) {
        String q = "SELECT ?r ?seq { GRAPH <urn:x-arq:DefaultGraph> { ?r <urn:dhakira:system#sequence> ?seq } } ORDER BY ?seq OFFSET "
                + offset + " LIMIT " + PAGE;
        return Txn.calculateRead(store.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(q).build()) {
                int n = 0;
                var rs = qe.execSelect();
                while (rs.hasNext()) {
                    rs.next();
                    n++;
                }
                return n;
            }
        });
    }

    private static double median(Runnable page, int repeats) {
        double[] ms = new double[repeats];
        for (int i = 0; i < 2; i++) page.run();
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            page.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[repeats / 2];
    }
}
