package org.dhakira.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.dhakira.TestArchives;
import org.dhakira.index.Verification;
import org.dhakira.server.Archive;
import org.dhakira.store.RecordId;
import org.dhakira.store.StoredRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forked server taking a stream of API writes (batches of new records, amendments, deletions), killed with
 * SIGKILL at a random moment, twenty times over the same data folder. After each kill the archive is opened again,
 * as a restart opens it: every write the client saw acknowledged is there, the one in flight is there whole or not
 * at all, and the index agrees with the store.
 */
class WriteApiCrashTest {

    static final int KILLS = 20;
    static final int BATCH = 3;
    static final Pattern SERVING = Pattern.compile("at http://localhost:(\\d+)/");

    @TempDir
    Path tmp;

    /** What a record should be: its English title, or deleted. */
    record Expected(String title, boolean deleted) {}

    /** One write the client sends: the records it touches and what each becomes if it goes in. */
    record Write(String method, String path, String body, Map<RecordId, Expected> effect) {}

    @Test
    void everyAcknowledgedWriteSurvivesAKillAndNoneIsHalfThere() throws Exception {
        WriteApi api = WriteApi.in(tmp);
        String token = api.token();
        Path config = api.config();
        Path data = tmp.resolve("data");
        Random random = new Random(20170207);
        Map<RecordId, Expected> acknowledged = new HashMap<>();
        List<RecordId> live = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int[] next = {0};
        List<String> rounds = new ArrayList<>();
        for (int round = 0; round < KILLS; round++) {
            Process server = forkServer(data, config);
            URI uri = awaitServing(server);
            int acks = 0;
            CompletableFuture<Void> killer = new CompletableFuture<>();
            long killAfterMillis = random.nextInt(300);
            Write inFlight = null;
            long firstAck = 0;
            while (true) {
                Write w = nextWrite(random, live, next);
                inFlight = w;
                if (firstAck > 0 && System.nanoTime() - firstAck > killAfterMillis * 1_000_000L && !killer.isDone()) {
                    // Kill while this write is on its way: sometimes before, sometimes during, sometimes after its commit.
                    long pause = random.nextInt(120);
                    Thread kill = new Thread(() -> {
                        sleep(pause);
                        server.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close
                        killer.complete(null);
                    });
                    kill.setDaemon(true);
                    kill.start();
                }
                Optional<HttpResponse<String>> r = send(http, uri, token, w);
                if (r.isEmpty()) break; // the connection died with the server: this write is unacknowledged
                assertTrue(r.get().statusCode() / 100 == 2, w.method() + " " + w.path() + ": " + r.get().statusCode() + " " + r.get().body());
                inFlight = null;
                acknowledged.putAll(w.effect());
                w.effect().forEach((id, e) -> {
                    if (e.deleted()) live.remove(id);
                    else if (!live.contains(id)) live.add(id);
                });
                acks++;
                if (firstAck == 0) firstAck = System.nanoTime();
                if (killer.isDone()) break;
            }
            assertTrue(server.waitFor(30, TimeUnit.SECONDS));

            try (Archive archive = Archive.open(TestArchives.config(data))) {
                Map<RecordId, Expected> found = new HashMap<>();
                for (RecordId id : acknowledged.keySet()) found.put(id, state(archive, id));
                String fate = "none in flight";
                if (inFlight != null) {
                    // The write in flight is there whole or not at all.
                    int applied = 0;
                    for (Map.Entry<RecordId, Expected> e : inFlight.effect().entrySet()) {
                        if (state(archive, e.getKey()).equals(e.getValue())) applied++;
                    }
                    int all = inFlight.effect().size();
                    assertTrue(applied == 0 || applied == all, inFlight.method() + " " + inFlight.path() + " is half there: " + applied + " of " + all);
                    fate = inFlight.method() + (applied == all ? " committed unacknowledged" : " lost unacknowledged");
                    if (applied == all) {
                        acknowledged.putAll(inFlight.effect());
                        inFlight.effect().forEach((id, e) -> {
                            if (e.deleted()) live.remove(id);
                            else if (!live.contains(id)) live.add(id);
                        });
                    }
                    for (RecordId id : inFlight.effect().keySet()) found.put(id, state(archive, id));
                }
                for (Map.Entry<RecordId, Expected> e : acknowledged.entrySet()) {
                    assertEquals(e.getValue(), found.get(e.getKey()), "round " + round + ": acknowledged " + e.getKey());
                }
                Verification v = Verification.of(archive.store(), archive.listing(), archive.index().sequence(), 10);
                assertTrue(v.agree(), "round " + round + ": store and index disagree: " + v.differences());
                rounds.add(acks + " acks, " + fate);
            }
        }
        System.out.println("WriteApiCrashTest: " + acknowledged.size() + " records; per kill: " + rounds);
    }

    /** A batch of new records most of the time, else an amendment or a deletion of a live one. */
    private static Write nextWrite(Random random, List<RecordId> live, int[] next) {
        int dice = random.nextInt(10);
        int n = next[0]++;
        if (dice < 2 && !live.isEmpty()) {
            RecordId id = live.get(random.nextInt(live.size()));
            String title = "Statement " + id.key() + " rev " + n;
            String body = TestArchives.document(id.key(), "").replace("Statement " + id.key() + "\"", title + "\"");
            return new Write("PUT", "api/records/" + id.path(), body, Map.of(id, new Expected(title, false)));
        }
        if (dice == 2 && !live.isEmpty()) {
            RecordId id = live.get(random.nextInt(live.size()));
            return new Write("DELETE", "api/records/" + id.path(), null, Map.of(id, new Expected(null, true)));
        }
        StringBuilder lines = new StringBuilder();
        Map<RecordId, Expected> effect = new HashMap<>();
        for (int i = 0; i < BATCH; i++) {
            String key = "w" + n + "-" + i;
            lines.append(TestArchives.document(key, "")).append('\n');
            effect.put(RecordId.parse("document/" + key), new Expected("Statement " + key, false));
        }
        return new Write("POST", "api/records", lines.toString(), effect);
    }

    private static Expected state(Archive archive, RecordId id) {
        Optional<StoredRecord> r = archive.store().find(id);
        if (r.isEmpty()) return new Expected("(absent)", false);
        if (r.get().deleted()) return new Expected(null, true);
        Node title = org.dhakira.vocab.Arch.title;
        List<String> titles = new ArrayList<>();
        r.get().graph().find(Node.ANY, title, Node.ANY).forEachRemaining(t -> {
            if ("en".equals(t.getObject().getLiteralLanguage())) titles.add(t.getObject().getLiteralLexicalForm());
        });
        return new Expected(titles.size() == 1 ? titles.get(0) : titles.toString(), false);
    }

    private static Optional<HttpResponse<String>> send(HttpClient http, URI uri, String token, Write w) throws InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri.resolve(w.path())).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .method(w.method(), w.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(w.body()));
        if (w.body() != null) b.header("Content-Type", "application/x-ndjson");
        try {
            return Optional.of(http.send(b.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A write-API token and a configuration file that names the tokens file holding it, in {@code dir}. */
    record WriteApi(String token, Path config) {
        static WriteApi in(Path dir) throws IOException {
            String token = ApiTokens.mint();
            Path tokens = Files.writeString(dir.resolve("tokens"), ApiTokens.line("crash-test", token) + "\n");
            return new WriteApi(token, Files.writeString(dir.resolve("dhakira.properties"), "api.tokens=" + tokens.toString().replace("\\", "/") + "\n"));
        }
    }

    static Process forkServer(Path data, Path config) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A quick start matters more than peak speed here: twenty starts in one test.
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "org.dhakira.cli.Dhakira", "serve", "--port", "0", "--host", "127.0.0.1", "--data", data.toString(),
                "--base", TestArchives.BASE, "--config", config.toString())
                .redirectErrorStream(true).start();
    }

    /** Reads the child's output until it says where it serves; keeps draining it afterwards so it never blocks. */
    static URI awaitServing(Process p) throws Exception {
        CompletableFuture<URI> serving = new CompletableFuture<>();
        StringBuilder seen = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (seen.length() < 20_000) seen.append(line).append('\n');
                    Matcher m = SERVING.matcher(line);
                    if (line.startsWith("Dhakira is serving") && m.find()) serving.complete(URI.create("http://127.0.0.1:" + m.group(1) + "/"));
                }
            } catch (IOException e) {
                // The child was killed; its output ends here.
            }
            serving.completeExceptionally(new IllegalStateException("the server ended before serving:\n" + seen));
        });
        reader.setDaemon(true);
        reader.start();
        return serving.get(60, TimeUnit.SECONDS);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
