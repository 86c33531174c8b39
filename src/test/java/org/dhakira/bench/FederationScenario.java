package org.dhakira.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.dhakira.harvest.Harvest;
import org.dhakira.harvest.Identity;
import org.dhakira.harvest.OaiClient;
import org.dhakira.harvest.Page;
import org.dhakira.harvest.Peer;
import org.dhakira.harvest.PeerState;
import org.dhakira.harvest.Selection;
import org.dhakira.ingest.Progress;
import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.dhakira.server.Config;

/**
 * A new archive harvesting the benchmark's archive whole over HTTP on loopback in the native format, as one
 * Dhakira federates with another: every page fetched, parsed, mapped, checked against the shapes, given its
 * provenance, written with its checkpoint in one batch and indexed. The anchor is the fetching alone (the same
 * list followed with the same client, its records parsed and dropped), so the ratio shows what keeping them
 * costs. Goal: at least 2,000 records a second end to end.
 */
final class FederationScenario implements Scenario {

    @Override
    public String name() {
        return "Harvest from a peer Dhakira (rdf)";
    }

    @Override
    public List<Result> run(BenchContext ctx) throws Exception {
        Path into = ctx.scratch.resolve("harvesting-archive");
        BulkLoadScenario.deleteTree(into);
        try (ArchiveServer peer = ArchiveServer.start(ctx.archive, org.dhakira.crawl.CrawlSettings.WITHOUT_DUMPS)) {
            URI oai = URI.create(peer.uri() + "oai");
            OaiClient client = OaiClient.builder().readTimeout(Duration.ofMinutes(2)).build();
            Identity identity = client.identify(oai);

            long t0 = System.nanoTime();
            long fetched = 0;
            for (Harvest h = client.harvest(oai, Selection.all("rdf"), identity.granularity()); h.hasNext(); ) {
                Page page = h.next();
                fetched += page.records().size();
            }
            double fetchSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("  fetching alone: %,d records in %.1f s%n", fetched, fetchSeconds);

            Peer bench = new Peer("bench", "أرشيف القياس", "The benchmark archive", oai, "rdf", List.of(), Duration.ofDays(1), true);
            try (Archive b = Archive.open(new Config("127.0.0.1", 0, into, Optional.of("http://harvesting.test/"), Optional.empty()))) {
                long t1 = System.nanoTime();
                PeerState.Outcome o = b.harvester().harvest(bench, Progress.NONE);
                double seconds = (System.nanoTime() - t1) / 1e9;
                if (!o.ok()) throw new IllegalStateException("the harvest failed: " + o.error().orElse("?"));
                long taken = o.counts().added() + o.counts().deleted();
                System.out.printf("  harvested: %,d added, %,d deleted, %,d not taken, in %.1f s; the index at change %,d of %,d%n",
                        o.counts().added(), o.counts().deleted(), o.counts().failed(), seconds, b.index().sequence(), b.store().position().sequence());
                return List.of(
                        new Result(name(), "end to end (goal ≥ 2,000)", "records/s", taken / seconds, fetched / fetchSeconds, true,
                                "fetching alone"),
                        Result.alone(name(), "records not taken", "records", o.counts().failed()));
            }
        } finally {
            BulkLoadScenario.deleteTree(into);
        }
    }
}
