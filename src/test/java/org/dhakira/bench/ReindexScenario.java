package org.dhakira.bench;

import java.util.List;

import org.dhakira.ingest.Progress;

/** Rebuilding the whole index from the store (what {@code dhakira reindex} does): records per second. */
final class ReindexScenario implements Scenario {

    @Override
    public String name() {
        return "reindex";
    }

    @Override
    public List<Result> run(BenchContext ctx) {
        long records = ctx.archive.store().changedSince(0).size();
        long t = System.nanoTime();
        ctx.archive.index().rebuild(Progress.NONE);
        double seconds = (System.nanoTime() - t) / 1e9;
        System.out.printf("  %,d records in %.1f s%n", records, seconds);
        return List.of(Result.alone(name(), "records/s", "records/s", records / seconds));
    }
}
