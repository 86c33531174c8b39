package org.dhakira.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.dhakira.server.Config;
import org.dhakira.store.RecordId;
import org.dhakira.web.ApiTokens;

/**
 * The archive as the world uses it at once: many clients on loopback, each asking for record pages, searches,
 * SPARQL queries and OAI pages, and a few writing through the API, for a bounded time. Reports throughput and
 * latency per kind of request, counts every 5xx but the admission queue's 503s (there must be none), checks that
 * every write the clients saw acknowledged is in the store at the end, and the heap before and after (it must
 * stay flat). There is no anchor: the figures stand alone.
 */
final class MixedLoadScenario implements Scenario {

    static final int CLIENTS = Integer.getInteger("bench.mixed.clients", 48);
    static final Duration WARMUP = Duration.ofSeconds(10);
    static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.mixed.seconds", 30));

    /** The kinds of request, with their share of the mix in percent. */
    enum Kind {
        RECORD_PAGE(40), SEARCH(25), OAI_PAGE(17), SPARQL(13), WRITE(5);

        final int share;

        Kind(int share) {
            this.share = share;
        }

        static Kind pick(Random r) {
            int d = r.nextInt(100);
            for (Kind k : values()) {
                if (d < k.share) return k;
                d -= k.share;
            }
            return RECORD_PAGE;
        }
    }

    /** What one client saw of one kind: latencies and answers by class. */
    static final class Tally {
        long[] latencies = new long[1024];
        int n;
        long ok;
        long queueFull;
        long serverErrors;
        long clientErrors;

        void add(long nanos, int status, boolean measured) {
            if (!measured) return;
            if (n == latencies.length) latencies = Arrays.copyOf(latencies, n * 2);
            latencies[n++] = nanos;
            if (status == 503) queueFull++;
            else if (status >= 500) serverErrors++;
            else if (status >= 400) clientErrors++;
            else ok++;
        }
    }

    @Override
    public String name() {
        return "mixed load";
    }

    @Override
    public List<Result> run(BenchContext ctx) throws Exception {
        if (ctx.archive == null) throw new IllegalStateException("needs the archive the bulk load builds");
        // The write API needs a token: reopen the same archive with a token file.
        String token = ApiTokens.mint();
        Path tokens = Files.writeString(ctx.scratch.resolve("api-tokens"), ApiTokens.line("bench", token) + "\n");
        Config config = ctx.archive.config().withApiTokens(tokens);
        ctx.archive.close();
        ctx.archive = Archive.open(config);
        Archive archive = ctx.archive;
        List<String> documents = RecordPageScenario.liveDocuments(archive.store(), ctx.files.sizes().documents(), 200_000);
        List<String> queries = SparqlScenario.mix(new Random(11), ctx.base, ctx.files.sizes(), documents, 400);
        ConcurrentLinkedQueue<RecordId> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicLong failedWrites = new AtomicLong();
        long heapBefore = usedHeapMib();
        List<Map<Kind, Tally>> perClient = new ArrayList<>();
        try (ArchiveServer server = ArchiveServer.start(archive, org.dhakira.crawl.CrawlSettings.WITHOUT_DUMPS)) {
            ExecutorService io = Executors.newFixedThreadPool(8);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(io).build();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            long warmEnd = System.nanoTime() + WARMUP.toNanos();
            long end = warmEnd + MEASURE.toNanos();
            List<Future<Map<Kind, Tally>>> futures = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                futures.add(clients.submit(() -> {
                    Random r = new Random(1000 + client);
                    Map<Kind, Tally> tallies = new EnumMap<>(Kind.class);
                    for (Kind k : Kind.values()) tallies.put(k, new Tally());
                    int written = 0;
                    while (System.nanoTime() < end) {
                        Kind kind = Kind.pick(r);
                        RecordId writing = kind == Kind.WRITE ? RecordId.parse("document/mixed-" + client + "-" + written++) : null;
                        HttpRequest request = request(kind, r, server.uri(), documents, queries, writing, token);
                        long start = System.nanoTime();
                        int status;
                        try {
                            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (java.io.IOException e) {
                            status = 599; // no answer at all counts with the server's errors
                        }
                        tallies.get(kind).add(System.nanoTime() - start, status, start >= warmEnd);
                        if (writing != null) {
                            if (status / 100 == 2) acknowledged.add(writing);
                            else failedWrites.incrementAndGet();
                        }
                    }
                    return tallies;
                }));
            }
            for (Future<Map<Kind, Tally>> f : futures) perClient.add(f.get());
            clients.shutdown();
            io.shutdown();
        }
        long lost = acknowledged.stream().filter(id -> archive.store().find(id).isEmpty()).count();
        long heapAfter = usedHeapMib();

        List<Result> results = new ArrayList<>();
        double seconds = MEASURE.toNanos() / 1e9;
        long serverErrors = 0, queueFull = 0, total = 0;
        for (Kind k : Kind.values()) {
            Tally all = new Tally();
            for (Map<Kind, Tally> t : perClient) {
                Tally x = t.get(k);
                all.latencies = concat(all.latencies, all.n, x.latencies, x.n);
                all.n += x.n;
                all.ok += x.ok;
                all.queueFull += x.queueFull;
                all.serverErrors += x.serverErrors;
                all.clientErrors += x.clientErrors;
            }
            long[] sorted = Arrays.copyOf(all.latencies, all.n);
            Arrays.sort(sorted);
            String label = k.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            String scenario = name() + ", " + label;
            results.add(Result.alone(scenario, "throughput (" + CLIENTS + " clients in all)", "req/s", all.n / seconds));
            results.add(Result.alone(scenario, "p50", "ms", percentile(sorted, 0.50)));
            results.add(Result.alone(scenario, "p99", "ms", percentile(sorted, 0.99)));
            System.out.printf("  %s: %,d answers, %,d 2xx/3xx, %,d 4xx, %,d 503 (queue), %,d other 5xx%n",
                    label, all.n, all.ok, all.clientErrors, all.queueFull, all.serverErrors);
            serverErrors += all.serverErrors;
            queueFull += all.queueFull;
            total += all.n;
        }
        results.add(Result.alone(name(), "throughput, all kinds", "req/s", total / seconds));
        results.add(Result.alone(name(), "5xx other than the queue's 503", "answers", serverErrors));
        results.add(Result.alone(name(), "503 of a full queue", "answers", queueFull));
        results.add(Result.alone(name(), "acknowledged writes", "records", acknowledged.size()));
        results.add(Result.alone(name(), "acknowledged writes lost", "records", lost));
        results.add(Result.alone(name(), "heap used before", "MiB", heapBefore));
        results.add(Result.alone(name(), "heap used after", "MiB", heapAfter));
        System.out.printf("  writes: %,d acknowledged, %,d refused or failed, %,d acknowledged ones missing; heap %,d → %,d MiB%n",
                acknowledged.size(), failedWrites.get(), lost, heapBefore, heapAfter);
        if (serverErrors > 0 || lost > 0) System.out.println("  FAILED: " + serverErrors + " server errors, " + lost + " lost writes");
        return results;
    }

    private static HttpRequest request(Kind kind, Random r, URI server, List<String> documents, List<String> queries, RecordId writing, String token) {
        HttpRequest.Builder b = switch (kind) {
            case RECORD_PAGE -> HttpRequest.newBuilder(server.resolve("doc/document/" + documents.get(r.nextInt(documents.size()))))
                    .header("Accept", r.nextBoolean() ? "text/turtle" : "text/html");
            case SEARCH -> {
                List<String> words = r.nextBoolean() ? Words.ENGLISH : Words.ARABIC;
                yield HttpRequest.newBuilder(server.resolve("search.json?q=" + enc(words.get(r.nextInt(words.size())))
                        + (r.nextBoolean() ? "&type=" + SyntheticArchive.TYPES[r.nextInt(SyntheticArchive.TYPES.length)] : "")))
                        .header("Accept", "application/json");
            }
            case OAI_PAGE -> HttpRequest.newBuilder(server.resolve("oai?verb=ListRecords&metadataPrefix=" + (r.nextInt(4) == 0 ? "rdf" : "oai_dc")
                    + "&set=type:" + SyntheticArchive.TYPES[r.nextInt(SyntheticArchive.TYPES.length)]
                    + "&from=" + (2011 + r.nextInt(3)) + "-01-01"));
            case SPARQL -> HttpRequest.newBuilder(server.resolve("sparql?query=" + enc(queries.get(r.nextInt(queries.size())))))
                    .header("Accept", "application/sparql-results+json");
            case WRITE -> HttpRequest.newBuilder(server.resolve("api/records/" + writing.path()))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + writing.path() + "\",\"kind\":\"document\",\"type\":\"report\","
                            + "\"reliability\":\"not-verified\",\"issued\":\"2024-05-01\",\"title\":{\"en\":\"Written under load " + writing.key()
                            + "\",\"ar\":\"كتب تحت الحمل\"}}"));
        };
        return b.timeout(Duration.ofSeconds(60)).build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static long[] concat(long[] a, int an, long[] b, int bn) {
        long[] out = Arrays.copyOf(a, Math.max(an + bn, 1));
        System.arraycopy(b, 0, out, an, bn);
        return out;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))] / 1e6;
    }

    /** The heap in use after a full collection: what the archive keeps, not what it has yet to collect. */
    private static long usedHeapMib() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }
}
