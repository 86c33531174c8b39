package org.dhakira.harvest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A peer that says what a test scripts: for each request (its arguments, in any order) a sequence of answers,
 * the last repeated. Recorded responses come from {@code src/test/resources/harvest/stub/}. Every request it
 * receives is kept, so a test can see what the harvester asked and how often.
 */
final class StubPeer implements AutoCloseable {

    /** One answer to one request. */
    interface Answer {
        void send(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Deque<Answer>> script = new ConcurrentHashMap<>();
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    StubPeer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oai");
    }

    /** {@code arguments} as {@code verb=ListRecords&resumptionToken=...}, not encoded. */
    StubPeer on(String arguments, Answer... answers) {
        script.put(key(arguments), new ArrayDeque<>(List.of(answers)));
        return this;
    }

    long count(String arguments) {
        return requests.stream().filter(key(arguments)::equals).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String key = query == null ? exchange.getRequestURI().getPath() : key(decoded(query));
        requests.add(key);
        Deque<Answer> answers = script.get(key);
        try (exchange) {
            if (answers == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Answer a;
            synchronized (answers) {
                a = answers.size() > 1 ? answers.poll() : answers.peek();
            }
            a.send(exchange);
        } catch (IOException e) {
            // A dropped connection is what some answers are for.
        }
    }

    private static String decoded(String rawQuery) {
        List<String> parts = new ArrayList<>();
        for (String p : rawQuery.split("&")) {
            int eq = p.indexOf('=');
            parts.add(URLDecoder.decode(p.substring(0, eq), StandardCharsets.UTF_8) + "="
                    + URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return String.join("&", parts);
    }

    /** The arguments sorted, so that their order does not matter. */
    private static String key(String arguments) {
        Map<String, String> sorted = new TreeMap<>();
        for (String p : arguments.split("&")) {
            int eq = p.indexOf('=');
            sorted.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return sorted.toString();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    // Answers

    static String recorded(String name) {
        try (var in = StubPeer.class.getResourceAsStream("/harvest/stub/" + name)) {
            if (in == null) throw new IllegalArgumentException("no recorded response " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Answer xml(String body) {
        return ex -> send(ex, 200, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Answer file(String name) {
        return xml(recorded(name));
    }

    /** A recorded response under another HTTP status than 200, as some providers send their errors. */
    static Answer file(int code, String name) {
        return ex -> send(ex, code, recorded(name).getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Answer gzip(String name) {
        return ex -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(bytes)) {
                z.write(recorded(name).getBytes(StandardCharsets.UTF_8));
            }
            send(ex, 200, bytes.toByteArray(), Map.of("Content-Encoding", "gzip"));
        };
    }

    static Answer gzipOf(byte[] raw) {
        return ex -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(bytes)) {
                z.write(raw);
            }
            send(ex, 200, bytes.toByteArray(), Map.of("Content-Encoding", "gzip"));
        };
    }

    static Answer status(int code, Map<String, String> headers) {
        return ex -> send(ex, code, "<html>busy</html>".getBytes(StandardCharsets.UTF_8), headers);
    }

    /** The first half of a recorded page is sent under the whole one's Content-Length, then the connection closes. */
    static Answer dropped(String name) {
        return ex -> {
            byte[] body = recorded(name).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
            ex.sendResponseHeaders(200, body.length);
            OutputStream out = ex.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            throw new IOException("dropped on purpose");
        };
    }

    /** A whole HTTP response whose XML stops half-way: the server's fault, not the network's. */
    static Answer truncated(String name) {
        String body = recorded(name);
        return xml(body.substring(0, body.length() / 2));
    }

    static Answer slow(long millis, String name) {
        return ex -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            file(name).send(ex);
        };
    }

    private static void send(HttpExchange ex, int code, byte[] body, Map<String, String> headers) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(code, body.length);
        ex.getResponseBody().write(body);
    }
}
