package org.dhakira.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.jena.fuseki.main.FusekiServer;
import org.dhakira.server.ArchiveServer;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;

/**
 * Record descriptions as Turtle over HTTP at 16 connections: our {@code /doc/document/{key}} against Fuseki's
 * Graph Store Protocol GET of the same record graph, both over the same TDB2 store in this JVM.
 */
final class RecordPageScenario implements Scenario {

    static final int CONNECTIONS = 16;
    /**
     * The warm-up goes on, a step of each side at a time, until the JIT is done: on two cores it compiled for over
     * a minute of a run, taking one core of the two, and a 5-s warm-up left our side still speeding up three
     * rounds later. Done is a round of steps in which compiling took under a twentieth of the time, or the cap.
     */
    static final Duration WARMUP_STEP = Duration.ofSeconds(5);
    static final Duration WARMUP_CAP = Duration.ofSeconds(150);
    static final int ROUNDS = 3;
    static final int HOT = 500;
    /**
     * Short enough that three rounds of each cold run ask fewer requests than there are documents (at 100,000
     * records, 72,000 documents outside the warm-up's share, and wrk asks ours for some 4,000 a second).
     */
    static final Duration ROUND = Duration.ofSeconds(2);
    /** One document in this many is the warm-up's. */
    static final int WARMUP_SHARE = 10;

    @Override
    public String name() {
        return "record page (Turtle, " + CONNECTIONS + " conn.)";
    }

    @Override
    public List<Result> run(BenchContext ctx) throws Exception {
        if (ctx.archive == null) throw new IllegalStateException("needs the archive the bulk load builds");
        RecordStore store = ctx.archive.store();
        LoadClient client = LoadClient.best();
        System.out.println("  load client: " + client.name());
        // Cold: every request a record not asked for before in the run, so neither side's caches flatter it.
        List<String> all = liveDocuments(store, ctx.files.sizes().documents(), Integer.MAX_VALUE);
        // A share of the documents is the warm-up's, never asked in the measured runs: the JIT then has compiled
        // what a document's description takes (a long Arabic body, its linked names) before the measuring starts,
        // as in a server that has been up a while, and the documents measured are still asked for the first time.
        int reserved = all.size() / WARMUP_SHARE;
        List<String> keys = all.subList(reserved, all.size());
        // The warm-up also asks the organisations, persons and chronicle entries (the same code, heavier
        // descriptions).
        List<String> others = new ArrayList<>();
        var sizes = ctx.files.sizes();
        for (int i = 0; i < Math.max(sizes.organisations(), Math.max(sizes.persons(), sizes.events())); i++) {
            if (i < sizes.organisations()) others.add("organisation/o" + i);
            if (i < sizes.persons()) others.add("person/p" + i);
            if (i < sizes.events()) others.add("event/e" + i);
            if (i < reserved) others.add("document/" + all.get(i));
        }
        // Hot: a few hundred records asked again and again, as a crawler's favourite pages or a busy day's news.
        List<String> hot = keys.subList(0, Math.min(HOT, keys.size()));
        try (ArchiveServer ours = ArchiveServer.start(ctx.archive, org.dhakira.crawl.CrawlSettings.WITHOUT_DUMPS)) {
            FusekiServer fuseki = FusekiServer.create().port(0).loopback(true).add("/ds", store.dataset()).build().start();
            try {
                URI fusekiServer = URI.create("http://localhost:" + fuseki.getHttpPort() + "/");
                java.util.function.Function<String, String> graphOf = path -> "ds?graph="
                        + URLEncoder.encode(RecordId.parse(path).iri(store.base()), StandardCharsets.UTF_8);
                Map<String, String> turtle = Map.of("Accept", "text/turtle");
                Map<String, String> html = Map.of("Accept", "text/html");
                // Both sides walk the cold documents from one cursor, so neither asks what the other asked first.
                java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
                List<String> documents = keys.stream().map(k -> "document/" + k).toList();
                Walk ourPages = new Walk(ours.uri(), documents.stream().map(d -> "doc/" + d).toList(), next);
                Walk fusekiGraphs = new Walk(fusekiServer, documents.stream().map(graphOf).toList(), next);
                java.util.concurrent.atomic.AtomicInteger warm = new java.util.concurrent.atomic.AtomicInteger();
                Walk ourWarmUp = new Walk(ours.uri(), others.stream().map(d -> "doc/" + d).toList(), warm);
                Walk fusekiWarmUp = new Walk(fusekiServer, others.stream().map(graphOf).toList(), warm);
                Walk ourHot = new Walk(ours.uri(), hot.stream().map(k -> "doc/document/" + k).toList());
                Walk fusekiHot = new Walk(fusekiServer, hot.stream().map(k -> graphOf.apply("document/" + k)).toList());
                StaticFile file = StaticFile.start(ours, keys.get(0));
                Walk staticFile = new Walk(file.uri(), List.of(file.uri().getPath().substring(1)));
                try {
                    // The machine is shared: both sides run in turn, round after round, and each figure is the median
                    // round, so a burst of someone else's work does not land on one side only.
                    warmUp(List.of(() -> client.run(ourWarmUp, turtle, CONNECTIONS, WARMUP_STEP),
                            () -> client.run(fusekiWarmUp, turtle, CONNECTIONS, WARMUP_STEP),
                            () -> client.run(ourWarmUp, html, CONNECTIONS, WARMUP_STEP)));
                    List<HttpLoad.Outcome> o = new ArrayList<>(), f = new ArrayList<>(), h = new ArrayList<>(), s = new ArrayList<>();
                    List<HttpLoad.Outcome> oh = new ArrayList<>(), fh = new ArrayList<>();
                    for (int round = 0; round < ROUNDS; round++) {
                        o.add(client.run(ourPages, turtle, CONNECTIONS, ROUND));
                        f.add(client.run(fusekiGraphs, turtle, CONNECTIONS, ROUND));
                        h.add(client.run(ourPages, html, CONNECTIONS, ROUND));
                        s.add(client.run(staticFile, turtle, CONNECTIONS, ROUND));
                        oh.add(client.run(ourHot, turtle, CONNECTIONS, ROUND));
                        fh.add(client.run(fusekiHot, turtle, CONNECTIONS, ROUND));
                        System.out.printf("  round %d: ours %s%n    fuseki %s%n    ours, HTML %s%n    static file %s%n"
                                        + "    ours, hot %s%n    fuseki, hot %s%n",
                                round + 1, o.get(round), f.get(round), h.get(round), s.get(round), oh.get(round), fh.get(round));
                    }
                    System.out.printf("  %,d distinct documents asked in the cold runs, of %,d (%,d requests); the warm-up asked %,d"
                                    + " requests of %,d other records (%,d of them documents)%n",
                            Math.min(next.get(), keys.size()), keys.size(), next.get(), warm.get(), others.size(), reserved);
                    if (next.get() > keys.size()) {
                        System.out.printf("  NOTE: the last %,d cold requests asked documents asked before (ours may hold them made): the figures flatter ours%n",
                                next.get() - keys.size());
                    }
                    long errors = errors(o) + errors(f) + errors(h) + errors(oh) + errors(fh);
                    if (errors > 0) System.out.println("  errors: " + errors);
                    List<Result> results = new ArrayList<>();
                    results.add(new Result(name(), "throughput", "req/s", median(o, HttpLoad.Outcome::perSecond), median(f, HttpLoad.Outcome::perSecond), true, "Fuseki GSP GET"));
                    results.add(new Result(name(), "p50", "ms", median(o, HttpLoad.Outcome::p50Millis), median(f, HttpLoad.Outcome::p50Millis), false, "Fuseki GSP GET"));
                    results.add(new Result(name(), "p99", "ms", median(o, HttpLoad.Outcome::p99Millis), median(f, HttpLoad.Outcome::p99Millis), false, "Fuseki GSP GET"));
                    results.add(new Result(name(), "throughput vs a static file", "req/s", median(o, HttpLoad.Outcome::perSecond),
                            median(s, HttpLoad.Outcome::perSecond), true, "Jetty, static file"));
                    String hotName = "record page (Turtle, " + HOT + " hot)";
                    results.add(new Result(hotName, "throughput", "req/s", median(oh, HttpLoad.Outcome::perSecond), median(fh, HttpLoad.Outcome::perSecond), true, "Fuseki, made anew"));
                    results.add(new Result(hotName, "p50", "ms", median(oh, HttpLoad.Outcome::p50Millis), median(fh, HttpLoad.Outcome::p50Millis), false, "Fuseki, made anew"));
                    results.add(new Result(hotName, "p99", "ms", median(oh, HttpLoad.Outcome::p99Millis), median(fh, HttpLoad.Outcome::p99Millis), false, "Fuseki, made anew"));
                    String page = "record page (HTML, " + CONNECTIONS + " conn.)";
                    results.add(new Result(page, "throughput", "req/s", median(h, HttpLoad.Outcome::perSecond), median(f, HttpLoad.Outcome::perSecond), true, "Fuseki GSP GET, Turtle"));
                    results.add(new Result(page, "p50", "ms", median(h, HttpLoad.Outcome::p50Millis), median(f, HttpLoad.Outcome::p50Millis), false, "Fuseki GSP GET, Turtle"));
                    results.add(new Result(page, "p99", "ms", median(h, HttpLoad.Outcome::p99Millis), median(f, HttpLoad.Outcome::p99Millis), false, "Fuseki GSP GET, Turtle"));
                    return results;
                } finally {
                    file.close();
                }
            } finally {
                fuseki.stop();
            }
        }
    }

    static void warmUp(List<java.util.concurrent.Callable<HttpLoad.Outcome>> steps) throws Exception {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        while (true) {
            long compiled = jit.getTotalCompilationTime();
            long begun = System.nanoTime();
            for (java.util.concurrent.Callable<HttpLoad.Outcome> step : steps) step.call();
            double seconds = (System.nanoTime() - begun) / 1e9, compiling = (jit.getTotalCompilationTime() - compiled) / 1e3;
            double total = (System.nanoTime() - start) / 1e9;
            if (compiling < seconds / 20 || total > WARMUP_CAP.toSeconds()) {
                System.out.printf("  warm-up %.0f s (the JIT compiled %.1f s in its last %.0f s)%n", total, compiling, seconds);
                return;
            }
        }
    }

    static long errors(List<HttpLoad.Outcome> rounds) {
        return rounds.stream().mapToLong(HttpLoad.Outcome::errors).sum();
    }

    static double median(List<HttpLoad.Outcome> rounds, java.util.function.ToDoubleFunction<HttpLoad.Outcome> figure) {
        double[] v = rounds.stream().mapToDouble(figure).sorted().toArray();
        return v[v.length / 2];
    }

    /**
     * The ceiling: plain Jetty (no Jersey, no store) serving a file the size of one of our Turtle descriptions, over
     * the same kind of connections.
     */
    record StaticFile(org.eclipse.jetty.server.Server jetty, URI uri) implements AutoCloseable {
        static StaticFile start(ArchiveServer ours, String key) throws Exception {
        byte[] body;
        try (var in = ours.uri().resolve("doc/document/" + key + ".ttl").toURL().openStream()) {
            body = in.readAllBytes();
        }
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("static");
        java.nio.file.Files.write(dir.resolve("record.ttl"), body);
        org.eclipse.jetty.server.Server jetty = new org.eclipse.jetty.server.Server();
        org.eclipse.jetty.server.ServerConnector connector = new org.eclipse.jetty.server.ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        org.eclipse.jetty.server.handler.ResourceHandler files = new org.eclipse.jetty.server.handler.ResourceHandler();
        files.setBaseResource(org.eclipse.jetty.util.resource.ResourceFactory.of(files).newResource(dir));
        jetty.setHandler(files);
        jetty.start();
        return new StaticFile(jetty, URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/record.ttl"));
        }

        @Override
        public void close() throws Exception {
            jetty.stop();
        }
    }

    /** Distinct keys of live documents (the change file deleted some), at most {@code count}, in a seeded random order. */
    static List<String> liveDocuments(RecordStore store, int documents, int count) {
        List<String> keys = new ArrayList<>();
        store.snapshot(s -> {
            for (int d = 0; d < documents; d++) {
                if (s.status(RecordId.parse("document/d" + d)).orElse(RecordStore.Status.DELETED) == RecordStore.Status.LIVE) keys.add("d" + d);
            }
            return null;
        });
        java.util.Collections.shuffle(keys, new Random(7));
        return keys.size() > count ? List.copyOf(keys.subList(0, count)) : keys;
    }
}
