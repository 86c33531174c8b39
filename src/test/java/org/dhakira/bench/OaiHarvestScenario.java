package org.dhakira.bench;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.system.Txn;
import org.dhakira.oai.OaiProvider;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;

/**
 * A full OAI-PMH harvest, ListRecords in oai_dc, following every resumption token as a harvester does (in
 * process: the provider's work, without HTTP), timing every page. The anchor is the same page the plain way:
 * a SPARQL ORDER BY … OFFSET … LIMIT 100 over the same store, then the page's records read as ours are. The
 * anchor's full harvest is projected from its first, middle and last page (at a million records it would
 * take hours, which is the point).
 */
final class OaiHarvestScenario implements Scenario {

    private static final Pattern TOKEN = Pattern.compile("<resumptionToken[^>]*>([^<]*)</resumptionToken>");
    private static final int PAGE = 100;

    @Override
    public String name() {
        return "OAI harvest (oai_dc)";
    }

    @Override
    public List<Result> run(BenchContext ctx) throws Exception {
        OaiProvider oai = ctx.archive.oai();
        if (oai.repository().pageSize() != PAGE) throw new IllegalStateException("the scenario expects 100 records a page");
        // A first harvest of 50 pages, untimed, so that the timed first page is not the JIT compiler's.
        harvest(oai, 50, new ArrayList<>());
        List<Double> pageMs = new ArrayList<>();
        long t0 = System.nanoTime();
        long[] counted = harvest(oai, Integer.MAX_VALUE, pageMs);
        long records = counted[0];
        long bytes = counted[1];
        double seconds = (System.nanoTime() - t0) / 1e9;
        return results(ctx, pageMs, records, bytes, seconds);
    }

    /** Follows the tokens for at most {@code pages} pages, timing each; the records and bytes received. */
    private static long[] harvest(OaiProvider oai, int pages, List<Double> pageMs) throws java.io.IOException {
        long records = 0;
        long bytes = 0;
        long t0 = System.nanoTime();
        Map<String, List<String>> request = Map.of("verb", List.of("ListRecords"), "metadataPrefix", List.of("oai_dc"));
        while (true) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 18);
            long t = System.nanoTime();
            oai.answer(request, out);
            pageMs.add((System.nanoTime() - t) / 1e6); // the provider's work; what the harness does with it is not timed
            byte[] page = out.toByteArray();
            bytes += page.length;
            records += count(page, RECORD);
            if (pageMs.size() % 1000 == 0) System.out.printf("  … %,d records, %.0f s%n", records, (System.nanoTime() - t0) / 1e9);
            // The token is at the end of the page.
            String tail = new String(page, Math.max(0, page.length - 2048), Math.min(2048, page.length), java.nio.charset.StandardCharsets.UTF_8);
            Matcher m = TOKEN.matcher(tail);
            if (!m.find() || m.group(1).isEmpty() || pageMs.size() >= pages) break;
            request = Map.of("verb", List.of("ListRecords"), "resumptionToken", List.of(m.group(1)));
        }
        return new long[] {records, bytes};
    }

    private List<Result> results(BenchContext ctx, List<Double> pageMs, long records, long bytes, double seconds) {
        int pages = pageMs.size();
        double[] sorted = pageMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("  %,d records in %,d pages, %,d MB of XML, in %.1f s; page p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                records, pages, bytes >> 20, seconds, sorted[pages / 2], sorted[Math.min(pages - 1, pages * 99 / 100)], sorted[pages - 1]);

        RecordStore store = ctx.archive.store();
        List<Result> results = new ArrayList<>();
        double anchorMean = 0;
        int[] at = {0, pages / 2, pages - 1};
        String[] names = {"first page", "middle page", "last page"};
        for (int i = 0; i < 3; i++) {
            // Ours: the median of that page and its two neighbours in the harvest itself.
            double ours = neighbourhoodMedian(pageMs, at[i]);
            long offset = (long) at[i] * PAGE;
            double anchor = anchorPage(store, offset);
            anchorMean += anchor / 3;
            results.add(new Result(name(), names[i], "ms", ours, anchor, false, "SPARQL ORDER BY/OFFSET"));
        }
        results.add(Result.alone(name(), "last/first (goal ≤ 1.5)", "ratio", results.get(2).ours() / results.get(0).ours()));
        double anchorSeconds = anchorMean * pages / 1000;
        results.add(new Result(name(), "full harvest (anchor projected)", "records/s", records / seconds, records / anchorSeconds, true,
                "SPARQL ORDER BY/OFFSET"));
        return results;
    }

    private static final byte[] RECORD = "<record>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static int count(byte[] page, byte[] what) {
        int n = 0;
        outer:
        for (int i = 0; i <= page.length - what.length; i++) {
            for (int k = 0; k < what.length; k++) if (page[i + k] != what[k]) continue outer;
            n++;
        }
        return n;
    }

    private static double neighbourhoodMedian(List<Double> ms, int i) {
        double[] around = ms.subList(Math.max(0, i - 1), Math.min(ms.size(), i + 2)).stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(around);
        return around[around.length / 2];
    }

    /** The median of three runs of the anchor's page: the sorted SPARQL page, then its records read. */
    private static double anchorPage(RecordStore store, long offset) {
        String q = "SELECT ?r { GRAPH <urn:x-arq:DefaultGraph> { ?r <urn:dhakira:system#sequence> ?seq } } ORDER BY ?seq OFFSET "
                + offset + " LIMIT " + PAGE;
        double[] ms = new double[3];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            Txn.executeRead(store.dataset(), () -> {
                List<RecordId> ids = new ArrayList<>();
                try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(q).build()) {
                    qe.execSelect().forEachRemaining(s -> RecordId.fromIri(store.base(), s.getResource("r").getURI()).ifPresent(ids::add));
                }
                for (RecordId id : ids) store.find(id);
            });
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[1];
    }
}
