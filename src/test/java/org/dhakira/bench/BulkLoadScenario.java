package org.dhakira.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.dhakira.ingest.Input;
import org.dhakira.ingest.LoadReport;
import org.dhakira.ingest.Progress;
import org.dhakira.server.Archive;
import org.dhakira.server.Config;

/**
 * Bulk load of the N records, all checks included (shapes, links, ids, super-terms, datestamps), against TDB2's
 * parallel bulk loader loading the same records as N-Quads. Then the change file (updates and deletions),
 * which has no anchor. Leaves the loaded archive in the context for the scenarios after it.
 */
final class BulkLoadScenario implements Scenario {

    /** Records per transaction in our load: 0 (the default of {@code dhakira load}) is one transaction. */
    static final int BATCH = Integer.getInteger("bench.batch", 0);

    @Override
    public String name() {
        return "bulk load";
    }

    @Override
    public List<Result> run(BenchContext ctx) throws Exception {
        long quads;
        try (Stream<String> lines = Files.lines(ctx.files.quads())) {
            quads = lines.count();
        }
        List<Result> results = new ArrayList<>();

        Path ours = ctx.scratch.resolve("dhakira");
        deleteTree(ours); // a kept archive from an earlier run would make this a reload of unchanged records
        PeakHeap.reset();
        long t0 = System.nanoTime();
        Archive archive = Archive.open(new Config("127.0.0.1", 0, ours, Optional.of(ctx.base), Optional.empty()));
        LoadReport report = archive.loader().load(List.of(Input.of(ctx.files.records())), BATCH, Progress.NONE);
        double ourSeconds = (System.nanoTime() - t0) / 1e9;
        double ourHeap = PeakHeap.mib();
        System.out.printf("  ours: %,d records, %,d quads in %.1f s (%s)%n", report.records(), quads, ourSeconds, report);

        Path anchorDir = ctx.scratch.resolve("tdb2-loader");
        PeakHeap.reset();
        long t1 = System.nanoTime();
        Dataset ds = TDB2Factory.connectDataset(anchorDir.toString());
        DataLoader loader = LoaderFactory.parallelLoader(ds.asDatasetGraph(), (fmt, args) -> { });
        loader.startBulk();
        loader.load(ctx.files.quads().toString());
        loader.finishBulk();
        double anchorSeconds = (System.nanoTime() - t1) / 1e9;
        double anchorHeap = PeakHeap.mib();
        long anchorQuads = loader.countQuads();
        TDBInternal.expel(ds.asDatasetGraph());
        deleteTree(anchorDir);
        System.out.printf("  TDB2 parallel loader: %,d quads in %.1f s%n", anchorQuads, anchorSeconds);

        String mode = BATCH == 0 ? "one transaction" : "batches of " + BATCH;
        results.add(new Result(name(), "quads/s (" + mode + ")", "quads/s", quads / ourSeconds, quads / anchorSeconds, true, "TDB2 parallel loader"));
        results.add(new Result(name(), "records/s", "records/s", report.records() / ourSeconds, report.records() / anchorSeconds, true, "TDB2 parallel loader"));
        results.add(new Result(name(), "peak heap", "MiB", ourHeap, anchorHeap, false, "TDB2 parallel loader"));

        long t2 = System.nanoTime();
        LoadReport changes = archive.loader().load(List.of(Input.of(ctx.files.changes())), BATCH, Progress.NONE);
        double changeSeconds = (System.nanoTime() - t2) / 1e9;
        results.add(Result.alone(name(), "changes (" + changes.written() + " updated, " + changes.deleted() + " deleted)",
                "records/s", changes.records() / changeSeconds));
        ctx.archive = archive;
        return results;
    }

    /** For scenarios run without this one: the archive a kept run left, or the records loaded untimed. */
    static void openOrLoad(BenchContext ctx) throws Exception {
        Path ours = ctx.scratch.resolve("dhakira");
        boolean kept = Files.isDirectory(ours.resolve("store"));
        Archive archive = Archive.open(new Config("127.0.0.1", 0, ours, Optional.of(ctx.base), Optional.empty()));
        if (kept) {
            System.out.println("  using the archive kept in " + ours);
        } else {
            System.out.println("  loading the records (untimed)");
            archive.loader().load(List.of(Input.of(ctx.files.records())), BATCH, Progress.NONE);
            archive.loader().load(List.of(Input.of(ctx.files.changes())), BATCH, Progress.NONE);
        }
        ctx.archive = archive;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
