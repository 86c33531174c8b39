package org.dhakira.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.dhakira.TestArchives;
import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.dhakira.server.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The descriptions' door on Jetty answers as Jersey's does: every request below is asked twice, once as it is (the
 * door takes it) and once with an {@code If-Unmodified-Since} far in the future, a condition that always holds and
 * that the door leaves to Jersey; status, headers and bytes must be the same.
 */
class DescriptionDoorTest {

    @TempDir
    static Path dir;

    static Archive archive;
    static ArchiveServer server;
    static String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String SEED = "document/coalition-amnesty-saydnaya-2017-02-07";
    /** Sent to make the door hand the request to Jersey; it never fails a request, being far in the future. */
    static final String TO_JERSEY = "Fri, 01 Jan 2100 00:00:00 GMT";
    /** What differs between any two answers, or is the transport's. */
    static final Set<String> UNCOMPARED = Set.of("date", "x-request-id", "content-length", "transfer-encoding");

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        base = "http://localhost:" + port + "/";
        archive = Archive.open(new Config("127.0.0.1", port, dir, Optional.of(base), Optional.empty()));
        archive.loadDemoIfEmpty();
        TestArchives.load(archive.store(), TestArchives.document("withdrawn", "") + "\n");
        TestArchives.load(archive.store(), "{\"id\":\"document/withdrawn\",\"kind\":\"document\",\"deleted\":true}\n");
        server = ArchiveServer.start(archive);
        // Past the second of the last change, so If-Modified-Since is read as it is on a settled archive.
        Thread.sleep(1_100);
    }

    @AfterAll
    static void stop() {
        server.close();
        archive.close();
    }

    record Answer(int status, Map<String, List<String>> headers, byte[] body) {}

    static Answer ask(String method, String path, List<String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.size(); i += 2) b.header(headers.get(i), headers.get(i + 1));
        HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, List<String>> h = new TreeMap<>();
        r.headers().map().forEach((k, v) -> {
            if (!UNCOMPARED.contains(k.toLowerCase())) h.put(k.toLowerCase(), v);
        });
        return new Answer(r.statusCode(), h, r.body());
    }

    /** The door's answer, after checking that Jersey's is the same. */
    static Answer same(String method, String path, String... headers) throws Exception {
        Answer door = ask(method, path, List.of(headers));
        List<String> withCondition = new ArrayList<>(List.of(headers));
        withCondition.addAll(List.of("If-Unmodified-Since", TO_JERSEY));
        Answer jersey = ask(method, path, withCondition);
        String what = method + " " + path + " " + String.join(" ", headers);
        assertEquals(jersey.status(), door.status(), what);
        assertEquals(jersey.headers(), door.headers(), what);
        assertArrayEquals(jersey.body(), door.body(), what);
        return door;
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/turtle", "application/ld+json", "application/rdf+xml", "application/n-triples", "text/html",
            "text/html;q=0.9, application/xhtml+xml, */*;q=0.8", "application/rdf+xml;q=0.5, text/turtle;q=0.9", "*/*", "image/png"})
    void negotiatedDescriptionsAreJerseysToTheByte(String accept) throws Exception {
        Answer a = same("GET", "doc/" + SEED, "Accept", accept);
        assertEquals(accept.equals("image/png") ? 406 : 200, a.status(), accept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"doc/" + SEED + ".ttl", "doc/" + SEED + ".jsonld", "doc/" + SEED + ".rdf", "doc/" + SEED + ".nt",
            "doc/" + SEED + ".html", "doc/" + SEED + ".html?lang=en", "doc/" + SEED + "?lang=en",
            "doc/organisation/amnesty-international", "doc/document/no-such-thing", "doc/document/no-such-thing.ttl",
            "doc/widget/x", "doc/document/withdrawn", "doc/document/withdrawn.ttl"})
    void filesPagesMissingAndDeletedThingsAreJerseysToTheByte(String path) throws Exception {
        same("GET", path);
        same("GET", path, "Accept", "text/html", "Accept-Language", "en-GB, en;q=0.8");
    }

    @Test
    void headIsJerseysAndSaysTheLengthOfTheBody() throws Exception {
        Answer head = same("HEAD", "doc/" + SEED + ".ttl");
        Answer get = ask("GET", "doc/" + SEED + ".ttl", List.of());
        assertEquals(0, head.body().length);
        HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "doc/" + SEED + ".ttl"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(Long.toString(get.body().length), r.headers().firstValue("Content-Length").orElseThrow());
    }

    @Test
    void conditionsAreReadAsJerseyReadsThem() throws Exception {
        String path = "doc/" + SEED + ".ttl";
        String tag = ask("GET", path, List.of()).headers().get("etag").get(0);
        String date = ask("GET", path, List.of()).headers().get("last-modified").get(0);
        assertEquals(304, same("GET", path, "If-None-Match", tag).status());
        assertEquals(304, same("GET", path, "If-None-Match", "\"other\", " + tag.substring(2)).status(), "compared weakly");
        assertEquals(304, same("GET", path, "If-None-Match", "*").status());
        assertEquals(200, same("GET", path, "If-None-Match", "W/\"other\"").status());
        assertEquals(200, same("GET", path, "If-None-Match", "garbage").status(), "a tag that does not parse is no condition");
        assertEquals(304, same("GET", path, "If-Modified-Since", date).status());
        assertEquals(200, same("GET", path, "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").status());
        assertEquals(200, same("GET", path, "If-Modified-Since", "yesterday").status());
        assertEquals(200, same("GET", path, "If-None-Match", tag, "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").status(),
                "the date has the last word");
        // Here only Jersey's differs: its HEAD answered 304 says "Content-Type: text/json", of a body there is not.
        Answer head = ask("HEAD", path, List.of("If-None-Match", tag));
        assertEquals(304, head.status());
        assertFalse(head.headers().containsKey("content-type"), "a 304 to HEAD names no type");
        assertEquals(List.of(tag), head.headers().get("etag"));
    }

    @Test
    void headersSentTwiceAreReadAsOneListAsJerseyReadsThem() throws Exception {
        String path = "doc/" + SEED;
        Answer a = same("GET", path, "Accept", "text/html;q=0.5", "Accept", "text/turtle");
        assertEquals(List.of("text/turtle;charset=utf-8"), a.headers().get("content-type"));
        String tag = ask("GET", path + ".ttl", List.of()).headers().get("etag").get(0);
        assertEquals(304, same("GET", path + ".ttl", "If-None-Match", "\"x\"", "If-None-Match", tag).status());
        same("GET", path + ".ttl", "Accept-Encoding", "identity", "Accept-Encoding", "gzip");
    }

    @Test
    void datesAndTagsJerseyReadsOtherwiseAreJerseys() throws Exception {
        String path = "doc/" + SEED + ".ttl";
        // Forms Jetty's date parser reads and Jersey's does not: no condition, as Jersey has it.
        assertEquals(200, same("GET", path, "If-Modified-Since", "Sun, 06 Nov 2094 08:49:37").status());
        assertEquals(200, same("GET", path, "If-Modified-Since", "06 Nov 2094 08:49:37 GMT").status());
        String tag = ask("GET", path, List.of()).headers().get("etag").get(0);
        // A tag with a backslash (Jersey's reader failed on it, a 500): no tag of ours, so it matches nothing.
        assertEquals(304, same("GET", path, "If-None-Match", tag + ", \"x\\\"").status());
        assertEquals(200, same("GET", path, "If-None-Match", "\"x\\\"").status());
    }

    @Test
    void aLongListOfTagsIsReadWithoutOverflowingTheStack() throws Exception {
        String path = "doc/" + SEED + ".ttl";
        String tag = ask("GET", path, List.of()).headers().get("etag").get(0);
        // Some 14 KB, within the request head the server takes: one pattern over the list overflowed the stack.
        String many = "\"\",".repeat(4_500);
        assertEquals(304, same("GET", path, "If-None-Match", many + tag).status());
        assertEquals(200, same("GET", path, "If-None-Match", many + "\"other\"").status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"?x=<", "?x=%22", "?x={", "?lang=en&x=|"})
    void queriesJerseysUriRefusesOrEscapesAreJerseys(String query) throws Exception {
        String path = "/doc/" + SEED + ".ttl" + query;
        assertEquals(raw(path, ""), raw(path, "If-Unmodified-Since: " + TO_JERSEY + "\r\n"), path);
    }

    /** The status line of a request sent as it is written, which the JDK's client would not send. */
    static String raw(String target, String headers) throws Exception {
        URI u = URI.create(base);
        try (java.net.Socket socket = new java.net.Socket(u.getHost(), u.getPort())) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: " + u.getHost() + "\r\nConnection: close\r\n"
                    + headers + "\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            return answer.substring(0, answer.indexOf("\r\n"));
        }
    }

    @Test
    void whatTheDoorLeavesJerseyStillAnswers() throws Exception {
        // A trailing slash (301), compression, a range: all Jersey's, as before.
        assertEquals(301, ask("GET", "doc/" + SEED + "/", List.of()).status());
        Answer gzip = ask("GET", "doc/" + SEED + ".ttl", List.of("Accept-Encoding", "gzip"));
        assertEquals(List.of("gzip"), gzip.headers().get("content-encoding"));
        assertFalse(ask("GET", "doc/" + SEED + ".ttl", List.of()).headers().containsKey("content-encoding"));
        assertTrue(ask("GET", "doc/" + SEED + ".ttl", List.of("Accept-Encoding", "identity")).headers().get("vary").contains("Accept-Encoding"));
    }
}
