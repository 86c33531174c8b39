package org.dhakira.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP load: C connections, each sending its next request when the last answer is in, for a
 * warm-up and then a measured stretch. Reports throughput and latency percentiles; counts any non-2xx/3xx
 * answer as an error.
 *
 * <pre>{@code Outcome o = HttpLoad.run(i -> uri(i), Map.of("Accept", "text/turtle"), 16, warmup, measure);}</pre>
 */
final class HttpLoad {
    private HttpLoad() {}

    record Outcome(long requests, long errors, double seconds, double perSecond, double p50Millis, double p90Millis,
                   double p99Millis, long bytes) {}

    static Outcome run(IntFunction<URI> target, Map<String, String> headers, int connections, Duration warmup,
                       Duration measure) throws Exception {
        ExecutorService io = Executors.newFixedThreadPool(Math.max(2, connections / 2));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(io).build();
        ExecutorService workers = Executors.newFixedThreadPool(connections);
        long warmEnd = System.nanoTime() + warmup.toNanos();
        long end = warmEnd + measure.toNanos();
        AtomicLong errors = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong counter = new AtomicLong();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            futures.add(workers.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (true) {
                    long start = System.nanoTime();
                    if (start >= end) break;
                    HttpRequest.Builder b = HttpRequest.newBuilder(target.apply((int) counter.getAndIncrement()))
                            .timeout(Duration.ofSeconds(60));
                    headers.forEach(b::header);
                    HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                    long took = System.nanoTime() - start;
                    if (start < warmEnd) continue;
                    if (r.statusCode() >= 400) errors.incrementAndGet();
                    bytes.addAndGet(r.body().length);
                    if (n == latencies.length) latencies = Arrays.copyOf(latencies, n * 2);
                    latencies[n++] = took;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) all.add(f.get());
        workers.shutdown();
        io.shutdown();
        long total = all.stream().mapToLong(a -> a.length).sum();
        long[] merged = new long[(int) total];
        int at = 0;
        for (long[] a : all) {
            System.arraycopy(a, 0, merged, at, a.length);
            at += a.length;
        }
        Arrays.sort(merged);
        double seconds = measure.toNanos() / 1e9;
        return new Outcome(total, errors.get(), seconds, total / seconds, percentile(merged, 0.50), percentile(merged, 0.90),
                percentile(merged, 0.99), bytes.get());
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))] / 1e6;
    }
}
