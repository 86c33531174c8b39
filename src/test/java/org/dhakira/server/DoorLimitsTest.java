package org.dhakira.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.dhakira.RawHttp;
import org.dhakira.TestArchives;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/**
 * The limits every door keeps, over real HTTP to a real server with small limits: bodies, URIs and headers past
 * their size are refused before they are read, a client that trickles its request head is cut off, and
 * more heavy requests than the admission queue holds are told to come back later, not left to pile up.
 * The slow SPARQL queries are held by a SERVICE peer (a JDK HTTP server in this JVM) that answers only when the
 * test lets it, so the queue fills for certain, not because some query happens to be slow.
 */
class DoorLimitsTest {

    static final int MAX_BODY = 4096;
    static final int MAX_URI = 1024;
    static final int MAX_HEADERS = 4096;
    static final int RUNNING = 1;
    static final int WAITING = 2;

    @TempDir
    static Path dir;

    static HttpServer peer;
    static String peerUrl;
    static final AtomicInteger atPeer = new AtomicInteger();
    static final AtomicInteger mostAtPeer = new AtomicInteger();
    static volatile CountDownLatch release = new CountDownLatch(0);

    static Archive archive;
    static ArchiveServer server;
    static long sequence;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        peer.setExecutor(Executors.newCachedThreadPool());
        peer.createContext("/held", exchange -> {
            int now = atPeer.incrementAndGet();
            mostAtPeer.accumulateAndGet(now, Math::max);
            try {
                exchange.getRequestBody().readAllBytes();
                release.await(120, TimeUnit.SECONDS);
                byte[] body = "{\"head\":{\"vars\":[\"x\"]},\"results\":{\"bindings\":[{\"x\":{\"type\":\"literal\",\"value\":\"held\"}}]}}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/sparql-results+json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                atPeer.decrementAndGet();
                exchange.close();
            }
        });
        peer.start();
        peerUrl = "http://127.0.0.1:" + peer.getAddress().getPort() + "/held";
        Config plain = TestArchives.config(dir);
        Config config = new Config(plain.host(), plain.port(), plain.data(), plain.base(), plain.home(), plain.oai(),
                new Config.Sparql(Duration.ofSeconds(120), 100, List.of(peerUrl)),
                new Config.Http(MAX_BODY, MAX_URI, MAX_HEADERS, Duration.ofSeconds(30), Duration.ofSeconds(2)),
                new Config.Queue(RUNNING, WAITING, Duration.ofSeconds(120)));
        archive = Archive.open(config);
        archive.loadDemoIfEmpty();
        sequence = archive.store().position().sequence();
        server = ArchiveServer.start(archive);
    }

    @AfterAll
    static void stop() {
        release.countDown();
        server.close();
        archive.close();
        peer.stop(0);
    }

    @AfterEach
    void nothingChanged() {
        assertEquals(sequence, archive.store().position().sequence(), "no refused request changed the store");
    }

    // Bodies

    @Test
    void aSparqlBodyPastTheLimitIsRefusedUnread() throws Exception {
        // Content-Length announces ten megabytes, none of which is sent: the answer comes all the same.
        RawHttp.Reply r = RawHttp.send(server.port(), "POST /sparql HTTP/1.0\r\nHost: localhost\r\nContent-Type: application/sparql-query\r\n"
                + "Content-Length: 10000000\r\n\r\n", new byte[0]);
        assertEquals(413, r.status(), r.text());
        assertTrue(r.body().contains("larger than this archive takes (" + MAX_BODY + " bytes)"), r.text());
    }

    @Test
    void anOaiFormPastTheLimitIsRefusedUnread() throws Exception {
        RawHttp.Reply r = RawHttp.send(server.port(), "POST /oai HTTP/1.0\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 10000000\r\n\r\n", "verb=Identify&x=".getBytes(StandardCharsets.US_ASCII));
        assertEquals(413, r.status(), r.text());
        assertTrue(r.body().contains(MAX_BODY + " bytes"), r.text());
    }

    /** A chunked body has no length to check first: it is refused when the reader passes the limit, and the rest is never asked for. */
    @Test
    void aChunkedBodyIsRefusedWhenItPassesTheLimit() throws Exception {
        for (String[] door : new String[][] {{"/sparql", "application/sparql-query"}, {"/oai", "application/x-www-form-urlencoded"}}) {
            try (Socket socket = new Socket("localhost", server.port())) {
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + door[0] + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + door[1]
                        + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = ("verb=Identify&x=" + "a".repeat(MAX_BODY)).getBytes(StandardCharsets.US_ASCII);
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush(); // and no last chunk: the body never ends
                RawHttp.Reply r = RawHttp.read(socket.getInputStream());
                assertEquals(413, r.status(), door[0] + ": " + r.text());
                assertTrue(r.body().contains(MAX_BODY + " bytes"), r.text());
            }
        }
    }

    @Test
    void aBodyWithinTheLimitIsAnswered() throws Exception {
        String query = "ASK { ?s ?p ?o }" + " ".repeat(MAX_BODY - 100);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("sparql")).header("Content-Type", "application/sparql-query")
                .header("Accept", "application/sparql-results+json").POST(HttpRequest.BodyPublishers.ofString(query)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    // URIs and headers

    @Test
    void aUriPastTheLimitIs414WithAMessage() throws Exception {
        HttpResponse<String> r = get("oai?verb=Identify&x=" + "a".repeat(MAX_URI));
        assertEquals(414, r.statusCode(), r.body());
        assertTrue(r.body().contains("at most " + MAX_URI) && r.body().contains("POST"), r.body());
        HttpResponse<String> sparql = get("sparql?query=" + URLEncoder.encode("ASK {} #" + "x".repeat(MAX_URI), StandardCharsets.UTF_8));
        assertEquals(414, sparql.statusCode(), sparql.body());
        assertEquals(200, get("oai?verb=Identify&x=" + "a".repeat(MAX_URI / 2)).statusCode(), "a URI within the limit is answered");
    }

    @Test
    void aRequestLinePastTheHeaderLimitIs414AndHeadersPastItAre431() throws Exception {
        RawHttp.Reply line = RawHttp.get(server.port(), "/oai?verb=Identify&x=" + "a".repeat(MAX_HEADERS), "*/*");
        assertEquals(414, line.status(), line.text());
        RawHttp.Reply headers = RawHttp.send(server.port(), "GET /health HTTP/1.0\r\nHost: localhost\r\nX-Padding: " + "a".repeat(MAX_HEADERS)
                + "\r\n\r\n", new byte[0]);
        assertEquals(431, headers.status(), headers.text());
    }

    // Slow clients

    /**
     * A slowloris client: a request head a byte every quarter second, which the idle timeout (30 s here) never
     * catches. The head deadline (2 s here) closes the connection; the bound on bytes sent only keeps a failing
     * test from running for ever.
     */
    @Test
    void aClientTricklingItsHeadIsCutOff() throws Exception {
        try (Socket socket = new Socket("localhost", server.port())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            socket.setSoTimeout(250);
            out.write("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            boolean closed = false;
            for (int sent = 0; sent < 400 && !closed; sent++) {
                try {
                    out.write('a');
                    out.flush();
                } catch (IOException reset) {
                    closed = true;
                    break;
                }
                try {
                    closed = drainedToEnd(in);
                } catch (SocketTimeoutException stillOpen) {
                    // nothing yet: the server still waits for the head
                } catch (IOException reset) {
                    closed = true;
                }
            }
            assertTrue(closed, "the server kept a trickling client's connection open through 400 bytes");
        }
        assertEquals(200, get("health").statusCode(), "the server answers others after cutting one off");
    }

    /** True when the stream ended (the server closed), after whatever it sent. */
    private static boolean drainedToEnd(InputStream in) throws IOException {
        byte[] b = new byte[1024];
        int n;
        while ((n = in.read(b)) > 0) {
            // an answer before closing (Jetty may send none) is read and dropped
        }
        return n < 0;
    }

    // The admission queue

    @Test
    void moreHeavyQueriesThanTheQueueHoldsAreToldToComeBackLater() throws Exception {
        int sent = RUNNING + WAITING + 3;
        String query = "SELECT ?x { SERVICE <" + peerUrl + "> { ?s ?p ?x } }";
        release = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(sent);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < sent; i++) {
                answers.add(clients.submit(() -> get("sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), "application/sparql-results+json")));
            }
            // Those beyond the queue are answered while the others are held: wait for exactly them.
            List<HttpResponse<String>> refused = new ArrayList<>();
            while (refused.size() < sent - RUNNING - WAITING) {
                refused.clear();
                for (Future<HttpResponse<String>> f : answers) if (f.isDone()) refused.add(f.get());
                Thread.sleep(20);
            }
            HttpResponse<String> health = get("health");
            assertEquals(200, health.statusCode(), "the cheap doors stay open while the heavy queue is full");
            assertTrue(health.body().contains("\"queueRunning\":" + RUNNING) && health.body().contains("\"queueWaiting\":" + WAITING), health.body());
            for (HttpResponse<String> r : refused) {
                assertEquals(503, r.statusCode(), r.body());
                assertTrue(r.headers().firstValue("Retry-After").orElseThrow().matches("\\d+"), "Retry-After in seconds");
                assertTrue(r.body().contains("busy") && r.body().contains(WAITING + " more are waiting"), r.body());
            }
            release.countDown();
            int answered = 0;
            for (Future<HttpResponse<String>> f : answers) {
                HttpResponse<String> r = f.get(120, TimeUnit.SECONDS);
                assertTrue(r.statusCode() == 200 || r.statusCode() == 503, "only answers and refusals, never " + r.statusCode() + ": " + r.body());
                if (r.statusCode() == 200) {
                    assertTrue(r.body().contains("held"), r.body());
                    answered++;
                }
            }
            assertEquals(RUNNING + WAITING, answered, "every query the queue took was answered");
            assertEquals(RUNNING, mostAtPeer.get(), "no more queries ran at once than the queue lets run");
        } finally {
            release.countDown();
            clients.shutdownNow();
        }
        assertEquals(200, get("sparql?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8), "application/sparql-results+json").statusCode(),
                "the queue is free again");
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, "*/*");
    }

    private static HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve(path)).header("Accept", accept).timeout(Duration.ofSeconds(150)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
