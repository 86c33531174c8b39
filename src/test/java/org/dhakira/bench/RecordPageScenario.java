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
    static final Duration WARMUP = Duration.ofSeconds(5);
    static final Duration MEASURE = Duration.ofSeconds(15);

    @Override
    public String name() {
        return "record page (Turtle, " + CONNECTIONS + " conn.)";
    }

    @Override
    public List<Result> run(BenchContext ctx) throws Exception {
        if (ctx.archive == null) throw new IllegalStateException("needs the archive the bulk load builds");
        RecordStore store = ctx.archive.store();
        List<String> keys = liveDocuments(store, ctx.files.sizes().documents(), 5_000);
        try (ArchiveServer ours = ArchiveServer.start(ctx.archive)) {
            FusekiServer fuseki = FusekiServer.create().port(0).loopback(true).add("/ds", store.dataset()).build().start();
            try {
                String fusekiBase = "http://localhost:" + fuseki.getHttpPort() + "/ds?graph=";
                Map<String, String> accept = Map.of("Accept", "text/turtle");
                HttpLoad.Outcome o = HttpLoad.run(i -> ours.uri().resolve("doc/document/" + keys.get(i % keys.size())),
                        accept, CONNECTIONS, WARMUP, MEASURE);
                HttpLoad.Outcome f = HttpLoad.run(i -> URI.create(fusekiBase + URLEncoder.encode(
                        RecordId.parse("document/" + keys.get(i % keys.size())).iri(store.base()), StandardCharsets.UTF_8)),
                        accept, CONNECTIONS, WARMUP, MEASURE);
                System.out.printf("  ours: %s%n  fuseki: %s%n", o, f);
                if (o.errors() > 0 || f.errors() > 0) System.out.println("  errors: ours " + o.errors() + ", fuseki " + f.errors());
                List<Result> results = new ArrayList<>();
                results.add(new Result(name(), "throughput", "req/s", o.perSecond(), f.perSecond(), true, "Fuseki GSP GET"));
                results.add(new Result(name(), "p50", "ms", o.p50Millis(), f.p50Millis(), false, "Fuseki GSP GET"));
                results.add(new Result(name(), "p99", "ms", o.p99Millis(), f.p99Millis(), false, "Fuseki GSP GET"));
                return results;
            } finally {
                fuseki.stop();
            }
        }
    }

    /** Random keys of documents that are live (the change file deleted some). */
    static List<String> liveDocuments(RecordStore store, int documents, int count) {
        Random random = new Random(7);
        List<String> keys = new ArrayList<>();
        while (keys.size() < count) {
            String key = "d" + random.nextInt(documents);
            if (store.status(RecordId.parse("document/" + key)).orElse(RecordStore.Status.DELETED) == RecordStore.Status.LIVE) keys.add(key);
        }
        return keys;
    }
}
