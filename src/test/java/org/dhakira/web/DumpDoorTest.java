package org.dhakira.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.dhakira.TestArchives;
import org.dhakira.crawl.CrawlSettings;
import org.dhakira.ingest.Format;
import org.dhakira.ingest.Input;
import org.dhakira.ingest.Progress;
import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /dumps/dhakira.nq.gz} on a real server: written in the background, the store's record graphs exactly. */
class DumpDoorTest {

    static final CrawlSettings QUICK = new CrawlSettings(CrawlSettings.SITEMAP_LIMIT, Duration.ofMillis(200));
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String DUMP = "dumps/dhakira.nq.gz";

    @TempDir
    Path dir;

    static HttpResponse<byte[]> get(ArchiveServer server, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path));
        if (headers.length > 0) b.headers(headers);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The dump once its ETag differs from {@code not} (null: once there is one at all). */
    static HttpResponse<byte[]> awaitDump(ArchiveServer server, String not) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<byte[]> r = get(server, DUMP);
            if (r.statusCode() == 200 && !r.headers().firstValue("ETag").orElseThrow().equals(not)) return r;
            Thread.sleep(50);
        }
        throw new AssertionError("no new dump within 30 s");
    }

    static void load(Archive archive, String lines) throws Exception {
        archive.loader().load(List.of(Input.of("test.jsonl", Format.JSON, lines)), 0, Progress.NONE);
    }

    /** The dump parsed back: gunzip, then Jena's N-Quads parser. */
    static DatasetGraph parse(byte[] gzipped) throws IOException {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            RDFParser.source(in).lang(Lang.NQUADS).parse(dsg);
        }
        return dsg;
    }

    /** Every named graph of the store (the records, tombstones included) is in the dump, and nothing else. */
    static void assertIsTheStore(Archive archive, DatasetGraph dump) {
        Dataset store = archive.store().dataset();
        Txn.executeRead(store, () -> {
            Set<Node> names = new HashSet<>();
            store.asDatasetGraph().listGraphNodes().forEachRemaining(names::add);
            Set<Node> dumped = new HashSet<>();
            dump.listGraphNodes().forEachRemaining(dumped::add);
            assertEquals(names, dumped, "the dump has exactly the store's record graphs");
            for (Node g : names) {
                assertTrue(store.asDatasetGraph().getGraph(g).isIsomorphicWith(dump.getGraph(g)), "graph " + g);
            }
            assertTrue(dump.getDefaultGraph().isEmpty(), "the store's bookkeeping stays out of the dump");
        });
    }

    @Test
    void anEmptyArchiveAnswers503UntilItsFirstChangeIsDumped() throws Exception {
        try (Archive archive = Archive.open(TestArchives.config(dir)); ArchiveServer server = ArchiveServer.start(archive, QUICK)) {
            HttpResponse<byte[]> none = get(server, DUMP);
            assertEquals(503, none.statusCode());
            assertTrue(Integer.parseInt(none.headers().firstValue("Retry-After").orElseThrow()) > 0);
            HttpResponse<byte[]> page = get(server, "dumps/");
            assertEquals(200, page.statusCode());
            assertTrue(new String(page.body(), java.nio.charset.StandardCharsets.UTF_8).contains("lang=\"ar\""));

            load(archive, TestArchives.organisation("first", "First", "الأول") + "\n");
            HttpResponse<byte[]> r = awaitDump(server, null);
            assertIsTheStore(archive, parse(r.body()));
        }
    }

    @Test
    void theDumpIsTheStoresRecordGraphsAndFollowsChanges() throws Exception {
        try (Archive archive = Archive.open(TestArchives.config(dir))) {
            archive.loadDemoIfEmpty();
            load(archive, TestArchives.document("withdrawn", "") + "\n");
            load(archive, "{\"id\":\"document/withdrawn\",\"kind\":\"document\",\"deleted\":true}\n");
            try (ArchiveServer server = ArchiveServer.start(archive, QUICK)) {
                HttpResponse<byte[]> first = awaitDump(server, null);
                assertEquals("application/gzip", first.headers().firstValue("Content-Type").orElseThrow());
                assertEquals(first.body().length, Long.parseLong(first.headers().firstValue("Content-Length").orElseThrow()));
                assertTrue(first.headers().firstValue("Last-Modified").isPresent());
                DatasetGraph dump = parse(first.body());
                assertIsTheStore(archive, dump);
                assertTrue(dump.containsGraph(org.apache.jena.graph.NodeFactory.createURI(TestArchives.BASE + "id/document/withdrawn")),
                        "tombstones are dumped");

                String etag = first.headers().firstValue("ETag").orElseThrow();
                load(archive, TestArchives.organisation("newcomer", "Newcomer", "القادم") + "\n");
                HttpResponse<byte[]> second = awaitDump(server, etag);
                assertIsTheStore(archive, parse(second.body()));
                assertNotEquals(first.body().length, second.body().length);
            }
        }
    }

    @Test
    void headConditionalAndRangeRequests() throws Exception {
        try (Archive archive = Archive.open(TestArchives.config(dir))) {
            archive.loadDemoIfEmpty();
            try (ArchiveServer server = ArchiveServer.start(archive, QUICK)) {
                HttpResponse<byte[]> whole = awaitDump(server, null);
                String etag = whole.headers().firstValue("ETag").orElseThrow();
                String modified = whole.headers().firstValue("Last-Modified").orElseThrow();
                int size = whole.body().length;

                HttpResponse<byte[]> head = HTTP.send(HttpRequest.newBuilder(server.uri().resolve(DUMP))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, head.statusCode());
                assertEquals(0, head.body().length);
                assertEquals(String.valueOf(size), head.headers().firstValue("Content-Length").orElseThrow());
                assertEquals(etag, head.headers().firstValue("ETag").orElseThrow());

                assertEquals(304, get(server, DUMP, "If-None-Match", etag).statusCode());
                assertEquals(304, get(server, DUMP, "If-Modified-Since", modified).statusCode());
                assertEquals(200, get(server, DUMP, "If-None-Match", "\"older\"").statusCode());

                HttpResponse<byte[]> part = get(server, DUMP, "Range", "bytes=10-19");
                assertEquals(206, part.statusCode());
                assertEquals("bytes 10-19/" + size, part.headers().firstValue("Content-Range").orElseThrow());
                assertArrayEquals(java.util.Arrays.copyOfRange(whole.body(), 10, 20), part.body());
                HttpResponse<byte[]> tail = get(server, DUMP, "Range", "bytes=-5");
                assertArrayEquals(java.util.Arrays.copyOfRange(whole.body(), size - 5, size), tail.body());
                assertEquals(416, get(server, DUMP, "Range", "bytes=" + size + "-").statusCode());
                assertEquals(200, get(server, DUMP, "Range", "bytes=0-9", "If-Range", "\"older\"").statusCode(),
                        "a range of another version of the file is not served");

                HttpResponse<byte[]> gzipAccepted = get(server, DUMP, "Accept-Encoding", "gzip");
                assertArrayEquals(whole.body(), gzipAccepted.body(), "the gzip file is not compressed a second time");
                assertTrue(gzipAccepted.headers().firstValue("Content-Encoding").isEmpty());
            }
        }
    }

    @Test
    void aMissingOrStaleDumpIsWrittenOnStartAndACurrentOneKept() throws Exception {
        try (Archive archive = Archive.open(TestArchives.config(dir))) {
            archive.loadDemoIfEmpty();
            String etag;
            try (ArchiveServer server = ArchiveServer.start(archive, QUICK)) {
                etag = awaitDump(server, null).headers().firstValue("ETag").orElseThrow();
            }
            try (ArchiveServer server = ArchiveServer.start(archive, QUICK)) {
                HttpResponse<byte[]> kept = get(server, DUMP);
                assertEquals(200, kept.statusCode(), "a current dump is served at once");
                assertEquals(etag, kept.headers().firstValue("ETag").orElseThrow());
            }
            // A change while no server runs leaves the dump stale; the next start rewrites it.
            load(archive, TestArchives.organisation("offline", "Offline", "غير متصل") + "\n");
            try (ArchiveServer server = ArchiveServer.start(archive, new CrawlSettings(CrawlSettings.SITEMAP_LIMIT, Duration.ofHours(1)))) {
                HttpResponse<byte[]> fresh = awaitDump(server, etag);
                assertIsTheStore(archive, parse(fresh.body()));
            }
        }
    }

    @Test
    void aServerWithoutDumpsWritesNoneAndServesNone() throws Exception {
        try (Archive archive = Archive.open(TestArchives.config(dir))) {
            archive.loadDemoIfEmpty();
            try (ArchiveServer server = ArchiveServer.start(archive, CrawlSettings.WITHOUT_DUMPS)) {
                load(archive, TestArchives.organisation("unseen", "Unseen", "غير مرئي") + "\n");
                Thread.sleep(300);
                assertEquals(503, get(server, DUMP).statusCode());
            }
            assertTrue(!java.nio.file.Files.exists(dir.resolve("dumps")), "nothing written, not even the folder");
        }
    }
}
