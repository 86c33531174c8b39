package org.dhakira.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.dhakira.vocab.DataFiles;
import org.dhakira.vocab.Vocabulary;

/**
 * The benchmark harness: builds a synthetic archive of N records and runs each scenario beside its anchor in
 * this JVM, printing a table of ratios (absolute times move from run to run on shared machines; ratios much
 * less). Run it with {@code mvn -B -Pbench verify -DskipTests [-Dbench.records=N] [-Dbench.scenarios=search,...]
 * [-Dbench.keep=true]}; scenarios after the load use the archive it built, or the one a run with
 * {@code bench.keep} left, or load one without timing it. The table also goes to
 * {@code target/bench/latest.txt}, and every line to {@code target/bench/results.tsv}, so runs can be compared.
 */
public final class Bench {

    static final String BASE = "http://localhost:8080/";

    public static void main(String[] args) throws Exception {
        int records = Integer.getInteger("bench.records", 100_000);
        long seed = Long.getLong("bench.seed", 20170207L);
        Path out = Path.of(System.getProperty("bench.out", "target/bench"));
        List<String> wanted = Arrays.asList(System.getProperty("bench.scenarios", "all").split(","));
        List<Scenario> scenarios = new ArrayList<>();
        for (Scenario s : List.of(new BulkLoadScenario(), new RecordPageScenario(), new SearchScenario(),
                new ListingScenario(), new OaiHarvestScenario(), new FederationScenario(), new SparqlScenario(), new MixedLoadScenario(),
                new ReindexScenario())) {
            if (wanted.contains("all") || wanted.stream().anyMatch(w -> s.name().startsWith(w))) scenarios.add(s);
        }

        Vocabulary vocab = Vocabulary.load(DataFiles.builtIn());
        long t0 = System.nanoTime();
        SyntheticArchive.Files3 files = SyntheticArchive.write(out.resolve("data-" + records + "-" + seed), records, seed, vocab, BASE);
        System.out.printf("Synthetic archive of %,d records ready in %.1f s: %s (%,d MB of JSON Lines, %,d MB of N-Quads)%n",
                records, (System.nanoTime() - t0) / 1e9, files.sizes(), Files.size(files.records()) >> 20, Files.size(files.quads()) >> 20);
        // With bench.keep the loaded archive outlives the run, so that a later run of one scenario (say, search
        // after a change to it) need not load a million records again.
        boolean keep = Boolean.getBoolean("bench.keep");
        Path scratch = out.resolve("scratch-" + records + "-" + seed);
        if (!keep) BulkLoadScenario.deleteTree(scratch);
        Files.createDirectories(scratch);

        BenchContext ctx = new BenchContext(files, scratch, vocab, BASE);
        List<Result> results = new ArrayList<>();
        try {
            for (Scenario s : scenarios) {
                if (ctx.archive == null && !(s instanceof BulkLoadScenario)) BulkLoadScenario.openOrLoad(ctx);
                System.out.println("Running: " + s.name());
                List<Result> these = s.run(ctx);
                // Printed as soon as known: a long run interrupted later still leaves these figures.
                these.forEach(r -> System.out.printf(Locale.ROOT, "  = %s: %s %s %s (anchor %s)%n", r.scenario(), r.metric(), fmt(r.ours()), r.unit(), fmt(r.anchor())));
                results.addAll(these);
            }
        } finally {
            if (ctx.archive != null) ctx.archive.close();
        }
        String table = table(records, results);
        System.out.println();
        System.out.println(table);
        Files.writeString(out.resolve("latest.txt"), table);
        Path tsv = out.resolve("results.tsv");
        if (!Files.exists(tsv)) Files.writeString(tsv, "when\trecords\tcores\theap_mib\tscenario\tmetric\tunit\tours\tanchor\tratio\tanchor_name\n");
        String when = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        StringBuilder lines = new StringBuilder();
        for (Result r : results) {
            lines.append(String.join("\t", when, String.valueOf(records), String.valueOf(cores()), String.valueOf(maxHeapMib()),
                    r.scenario(), r.metric(), r.unit(), fmt(r.ours()), fmt(r.anchor()), fmt(r.ratio()), r.anchorName())).append('\n');
        }
        Files.writeString(tsv, lines, StandardOpenOption.APPEND);
        if (!keep) BulkLoadScenario.deleteTree(scratch);
        // Fuseki and the HTTP client leave non-daemon threads behind; the run is over.
        System.exit(0);
    }

    static String table(int records, List<Result> results) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Dhakira benchmark: %,d records; %d cores, max heap %,d MiB, Java %s, %s%n",
                records, cores(), maxHeapMib(), System.getProperty("java.version"), Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        sb.append(String.format(Locale.ROOT, "| %-32s | %-34s | %12s | %12s | %6s | %-10s | %-22s |%n",
                "scenario", "metric", "ours", "anchor", "ratio", "unit", "anchor is"));
        sb.append("|").append("-".repeat(34)).append("|").append("-".repeat(36)).append("|").append("-".repeat(14))
                .append("|").append("-".repeat(14)).append("|").append("-".repeat(8)).append("|").append("-".repeat(12))
                .append("|").append("-".repeat(24)).append("|\n");
        for (Result r : results) {
            sb.append(String.format(Locale.ROOT, "| %-32s | %-34s | %12s | %12s | %6s | %-10s | %-22s |%n",
                    r.scenario(), r.metric(), fmt(r.ours()), fmt(r.anchor()),
                    Double.isNaN(r.ratio()) ? "" : String.format(Locale.ROOT, "%.2f", r.ratio()), r.unit(), r.anchorName()));
        }
        sb.append("ratio = how many times as good as the anchor (throughput: ours/anchor; time, latency, memory: anchor/ours)\n");
        return sb.toString();
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) return "";
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    static long maxHeapMib() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() >> 20;
    }

    private Bench() {}

}
