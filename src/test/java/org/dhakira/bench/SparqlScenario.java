package org.dhakira.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

import org.apache.jena.fuseki.main.FusekiServer;
import org.dhakira.server.ArchiveServer;
import org.dhakira.store.RecordStore;

/**
 * Researchers' SPARQL over HTTP: a fixed mix of selective lookups and aggregations, the same queries sent to our
 * {@code /sparql} and to Fuseki's query service over the same TDB2 store in this JVM, at 1 and at 8 concurrent
 * clients; then full text, our {@code text:query} against what a Fuseki without a text index has,
 * {@code FILTER(CONTAINS(…))}.
 */
final class SparqlScenario implements Scenario {

    static final Duration WARMUP = Duration.ofSeconds(5);
    static final Duration MEASURE = Duration.ofSeconds(15);
    static final String PREFIXES = "PREFIX arch: <https://w3id.org/dhakira/vocab#>\nPREFIX text: <http://jena.apache.org/text#>\n"
            + "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n";
    static final String ACCEPT = "application/sparql-results+json";

    @Override
    public String name() {
        return "sparql";
    }

    @Override
    public List<Result> run(BenchContext ctx) throws Exception {
        RecordStore store = ctx.archive.store();
        SyntheticArchive.Sizes sizes = ctx.files.sizes();
        List<String> keys = RecordPageScenario.liveDocuments(store, sizes.documents(), 200);
        List<String> mix = mix(new Random(23), store.base(), sizes, keys, 400);
        List<String[]> text = fullText(new Random(29), 200);
        List<Result> results = new ArrayList<>();
        try (ArchiveServer ours = ArchiveServer.start(ctx.archive, org.dhakira.crawl.CrawlSettings.WITHOUT_DUMPS)) {
            FusekiServer fuseki = FusekiServer.create().port(0).loopback(true).add("/ds", store.dataset()).build().start();
            try {
                URI fusekiQuery = URI.create("http://localhost:" + fuseki.getHttpPort() + "/ds/query");
                IntFunction<URI> toOurs = i -> ours.uri().resolve("sparql?query=" + enc(mix.get(i % mix.size())));
                IntFunction<URI> toFuseki = i -> URI.create(fusekiQuery + "?query=" + enc(mix.get(i % mix.size())));
                // Both sides warm up before anything is measured (the archive was just loaded: JIT, GC, page
                // cache), and the order alternates, so that neither always runs on the other's warm caches.
                load(toOurs, 8);
                load(toFuseki, 8);
                for (int clients : new int[] {1, 8}) {
                    HttpLoad.Outcome o;
                    HttpLoad.Outcome f;
                    if (clients == 1) {
                        o = load(toOurs, clients);
                        f = load(toFuseki, clients);
                    } else {
                        f = load(toFuseki, clients);
                        o = load(toOurs, clients);
                    }
                    report("mix, " + clients + " client(s)", o, f);
                    String scenario = "sparql mix (" + clients + " client" + (clients == 1 ? "" : "s") + ")";
                    results.add(new Result(scenario, "throughput", "req/s", o.perSecond(), f.perSecond(), true, "Fuseki, same store"));
                    results.add(new Result(scenario, "p50", "ms", o.p50Millis(), f.p50Millis(), false, "Fuseki, same store"));
                }
                HttpLoad.Outcome o = load(i -> ours.uri().resolve("sparql?query=" + enc(text.get(i % text.size())[0])), 1);
                HttpLoad.Outcome f = load(i -> URI.create(fusekiQuery + "?query=" + enc(text.get(i % text.size())[1])), 1);
                report("full text, 1 client", o, f);
                results.add(new Result("sparql full text (1 client)", "throughput", "req/s", o.perSecond(), f.perSecond(), true, "Fuseki FILTER CONTAINS"));
                return results;
            } finally {
                fuseki.stop();
            }
        }
    }

    private static HttpLoad.Outcome load(IntFunction<URI> target, int clients) throws Exception {
        return HttpLoad.run(target, Map.of("Accept", ACCEPT), clients, WARMUP, MEASURE);
    }

    private static void report(String what, HttpLoad.Outcome ours, HttpLoad.Outcome fuseki) {
        System.out.printf("  %s%n    ours: %s%n    fuseki: %s%n", what, ours, fuseki);
        if (ours.errors() > 0 || fuseki.errors() > 0) System.out.println("    errors: ours " + ours.errors() + ", fuseki " + fuseki.errors());
    }

    /**
     * The mix, in a fixed order: documents of one type in one year, documents naming an organisation, one
     * record's statements, an issuer's documents counted by reliability grade.
     */
    static List<String> mix(Random r, String base, SyntheticArchive.Sizes sizes, List<String> documents, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String org = "<" + base + "id/organisation/o" + r.nextInt(sizes.organisations()) + ">";
            out.add(PREFIXES + switch (i % 4) {
                case 0 -> {
                    int year = 2011 + r.nextInt(14);
                    String type = SyntheticArchive.TYPES[r.nextInt(SyntheticArchive.TYPES.length)];
                    yield "SELECT ?doc ?issued { ?doc arch:documentType <https://w3id.org/dhakira/document-type/" + type + "> ;"
                            + " arch:issued ?issued . FILTER(?issued >= \"" + year + "-01-01\"^^xsd:date && ?issued <= \"" + year
                            + "-12-31\"^^xsd:date) } ORDER BY ?issued LIMIT 100";
                }
                case 1 -> "SELECT ?doc ?title { ?doc arch:relatedOrganisation " + org + " ; arch:title ?title } LIMIT 100";
                case 2 -> "SELECT ?p ?o { <" + base + "id/document/" + documents.get(r.nextInt(documents.size())) + "> ?p ?o }";
                default -> "SELECT ?grade (COUNT(?doc) AS ?n) { ?doc arch:issuer " + org + " ; arch:reliability ?grade } GROUP BY ?grade";
            });
        }
        return out;
    }

    /** Pairs: our text:query, and the same words as a CONTAINS filter on titles. */
    static List<String[]> fullText(Random r, int n) {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String word = r.nextBoolean() ? Words.arabic(r) : Words.english(r);
            out.add(new String[] {
                    PREFIXES + "SELECT ?doc ?title { ?doc text:query (arch:title \"" + word + "\" 20) . ?doc arch:title ?title }",
                    PREFIXES + "SELECT ?doc ?title { ?doc arch:title ?title FILTER(CONTAINS(?title, \"" + word + "\")) } LIMIT 20"});
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
