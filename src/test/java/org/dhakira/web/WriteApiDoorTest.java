package org.dhakira.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dhakira.TestArchives;
import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The write API over real HTTP on a real archive: tokens, whole-or-nothing batches, problems as RFC 9457 JSON,
 * If-Match, tombstones, and every change visible in every door as soon as the call returns.
 */
class WriteApiDoorTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private String editor;
    private String robot;
    private Path tokens;
    private Archive archive;
    private ArchiveServer server;

    @BeforeEach
    void start() throws Exception {
        editor = ApiTokens.mint();
        robot = ApiTokens.mint();
        tokens = tmp.resolve("tokens");
        Files.writeString(tokens, "# who may write\n" + ApiTokens.line("editor", editor) + "\n" + ApiTokens.line("robot", robot) + "\n");
        archive = Archive.open(TestArchives.config(tmp.resolve("data")).withApiTokens(tokens));
        server = ArchiveServer.start(archive);
        TestArchives.load(archive.store(), TestArchives.organisation("syrian-coalition", "Syrian Coalition", "الائتلاف") + "\n");
    }

    @AfterEach
    void stop() {
        server.close();
        archive.close();
    }

    @Test
    void withoutATokenOrWithAWrongOneEveryMethodIs401AndNothingChanges() throws Exception {
        long before = archive.store().position().sequence();
        String body = TestArchives.document("sneaky", "");
        for (String token : new String[] {null, "dk_not-a-token", editor + "x"}) {
            for (String method : List.of("POST", "PUT", "DELETE", "GET")) {
                String path = method.equals("POST") ? "api/records" : "api/records/organisation/syrian-coalition";
                HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path)).header("Content-Type", "application/json")
                        .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
                if (token != null) b.header("Authorization", "Bearer " + token);
                HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(401, r.statusCode(), method + " " + token + ": " + r.body());
                assertTrue(r.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer"), method);
            }
        }
        HttpResponse<String> basic = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("api/records"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("editor:" + editor).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, basic.statusCode(), "only a bearer token opens the API");
        assertEquals(before, archive.store().position().sequence(), "nothing changed");
    }

    @Test
    void theApiIsNotThereWithoutTokens(@TempDir Path other) throws Exception {
        try (Archive plain = Archive.open(TestArchives.config(other)); ArchiveServer s = ArchiveServer.start(plain)) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(s.uri().resolve("api/records")).header("Authorization", "Bearer " + editor)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(TestArchives.document("x", ""))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, r.statusCode());
            assertEquals(0, plain.store().position().sequence());
        }
    }

    @Test
    void aBatchIsWrittenWholeAndEveryDoorShowsItWhenTheCallReturns() throws Exception {
        String lines = TestArchives.document("api-one", "\"issuer\":\"organisation/syrian-coalition\",\"body\":{\"en\":\"zanzibarite quarry\"}") + "\n"
                + TestArchives.document("api-two", "") + "\n";
        HttpResponse<String> r = send("POST", "api/records", "application/x-ndjson", lines, editor, null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode done = JSON.readTree(r.body());
        assertEquals(2, done.get("records").asLong());
        assertEquals(2, done.get("written").asLong());
        assertEquals(0, done.get("unchanged").asLong());
        long sequence = done.get("sequence").asLong();
        assertEquals(archive.store().position().sequence(), sequence, "the store's change that holds the write");
        assertEquals(sequence, JSON.readTree(get("health", "application/json").body()).get("indexSequence").asLong());

        HttpResponse<String> page = get("doc/document/api-one", "text/turtle");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("zanzibarite quarry"), page.body());
        JsonNode search = JSON.readTree(get("search.json?q=zanzibarite", "application/json").body());
        assertEquals(1, search.get("total").asLong(), search.toString());
        String ask = "ASK { GRAPH <" + TestArchives.BASE + "id/document/api-two> { ?s ?p ?o } }";
        assertTrue(get("sparql?query=" + URLEncoder.encode(ask, StandardCharsets.UTF_8), "application/sparql-results+json").body().contains("true"));
        String oai = get("oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:archive.test:document/api-one", "*/*").body();
        assertTrue(oai.contains("zanzibarite") || oai.contains("Statement api-one"), oai);

        HttpResponse<String> again = send("POST", "api/records", "application/json", lines, robot, null);
        assertEquals(200, again.statusCode());
        assertEquals(2, JSON.readTree(again.body()).get("unchanged").asLong(), "the same records again change nothing");
        assertEquals(sequence, JSON.readTree(again.body()).get("sequence").asLong());
    }

    @Test
    void aBadBatchIsRefusedWholeWithEveryProblemAsProblemJson() throws Exception {
        long before = archive.store().position().sequence();
        String body = "[" + TestArchives.document("fine", "") + ",\n"
                + TestArchives.document("bad-date", "\"issued\":\"2017-02-30\"").replace(",\"issued\":\"2017-02-07\"", "") + ",\n"
                + TestArchives.document("bad-link", "\"issuer\":\"organisation/nobody\"") + "]";
        HttpResponse<String> r = send("POST", "api/records", "application/json", body, editor, null);
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(r.body());
        assertEquals(422, problem.get("status").asInt());
        assertEquals(2, problem.get("total").asLong(), r.body());
        JsonNode first = problem.get("problems").get(0);
        assertEquals("document/bad-date", first.get("record").asText());
        assertEquals("issued", first.get("field").asText());
        assertEquals(2, first.get("line").asLong());
        assertTrue(first.get("reason").asText().contains("2017-02-30"), r.body());
        assertEquals("issuer", problem.get("problems").get(1).get("field").asText());
        assertEquals(before, archive.store().position().sequence(), "not even the good record was written");
        assertEquals(404, get("doc/document/fine", "text/turtle").statusCode());
    }

    @Test
    void turtleIsReadByItsContentType() throws Exception {
        String ttl = "@prefix arch: <https://w3id.org/dhakira/vocab#> .\n"
                + "<" + TestArchives.BASE + "id/place/homs> a arch:Place ; arch:name \"Homs\"@en, \"حمص\"@ar .\n";
        HttpResponse<String> r = send("POST", "api/records", "text/turtle", ttl, editor, null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(200, get("doc/place/homs", "text/turtle").statusCode());
        assertEquals(415, send("POST", "api/records", "text/csv", "a,b", editor, null).statusCode());
        assertEquals(415, send("POST", "api/records", "application/json;charset=iso-8859-1", "{}", editor, null).statusCode());
    }

    @Test
    void putWritesTheRecordItsUrlNamesGuardedByIfMatch() throws Exception {
        String v1 = TestArchives.document("guarded", "");
        HttpResponse<String> created = send("PUT", "api/records/document/guarded", "application/json", v1, editor, null);
        assertEquals(201, created.statusCode(), created.body());
        String etag = created.headers().firstValue("ETag").orElseThrow();
        assertEquals("\"" + archive.store().find(org.dhakira.store.RecordId.parse("document/guarded")).orElseThrow().sequence() + "\"", etag);
        assertEquals(etag, get("api/records/document/guarded", editor).headers().firstValue("ETag").orElseThrow());

        String v2 = v1.replace("Statement guarded", "Statement guarded, amended");
        HttpResponse<String> amended = send("PUT", "api/records/document/guarded", "application/json", v2, robot, etag);
        assertEquals(200, amended.statusCode(), amended.body());
        String etag2 = amended.headers().firstValue("ETag").orElseThrow();
        assertFalse(etag.equals(etag2));

        long before = archive.store().position().sequence();
        HttpResponse<String> lost = send("PUT", "api/records/document/guarded", "application/json", v1, editor, etag);
        assertEquals(412, lost.statusCode(), "a write based on the old version would lose the amendment");
        assertTrue(lost.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertEquals(etag2, lost.headers().firstValue("ETag").orElseThrow(), "the version it is at");
        assertEquals(before, archive.store().position().sequence());
        assertTrue(get("doc/document/guarded", "text/turtle").body().contains("amended"));
        assertEquals(412, send("PUT", "api/records/document/new-one", "application/json", TestArchives.document("new-one", ""), editor, "*").statusCode(),
                "If-Match: * needs the record to exist");
        assertEquals(200, send("PUT", "api/records/document/guarded", "application/json", v2, editor, "*").statusCode());

        HttpResponse<String> elsewhere = send("PUT", "api/records/document/guarded", "application/json", TestArchives.document("other", ""), editor, null);
        assertEquals(422, elsewhere.statusCode());
        assertTrue(elsewhere.body().contains("the URL names document/guarded"), elsewhere.body());
        assertEquals(404, get("doc/document/other", "text/turtle").statusCode());
        assertEquals(400, send("POST", "api/records", "application/json", v2, editor, etag2).statusCode(), "If-Match guards one record, not a batch");
    }

    @Test
    void aRenamedOrganisationIsSearchedByItsNewNameInTheDocumentsNamingItWhenTheCallReturns() throws Exception {
        String naming = TestArchives.document("naming-one", "\"relatedOrganisations\":[\"organisation/syrian-coalition\"]") + "\n"
                + TestArchives.document("naming-two", "\"relatedOrganisations\":[\"organisation/syrian-coalition\"]") + "\n";
        assertEquals(200, send("POST", "api/records", "application/x-ndjson", naming, editor, null).statusCode());
        assertEquals(3, JSON.readTree(get("search.json?q=Syrian", "application/json").body()).get("total").asLong());

        HttpResponse<String> renamed = send("PUT", "api/records/organisation/syrian-coalition", "application/json",
                TestArchives.organisation("syrian-coalition", "Zenobian Coalition", "ائتلاف زنوبيا"), editor, null);
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertEquals(3, JSON.readTree(get("search.json?q=Zenobian", "application/json").body()).get("total").asLong(),
                "the organisation and both documents naming it, by its new name");
        assertEquals(3, JSON.readTree(get("search.json?q=" + URLEncoder.encode("زنوبيا", StandardCharsets.UTF_8), "application/json").body())
                .get("total").asLong());
        assertEquals(0, JSON.readTree(get("search.json?q=Syrian", "application/json").body()).get("total").asLong(), "and not by its old one");
        JsonNode health = JSON.readTree(get("health", "application/json").body());
        assertEquals("current", health.get("index").asText(), health.toString());
        assertEquals(0, health.get("indexRenamesPending").asInt());
    }

    @Test
    void deleteLeavesATombstoneInEveryDoor() throws Exception {
        assertEquals(201, send("PUT", "api/records/document/doomed", "application/json", TestArchives.document("doomed", ""), editor, null).statusCode());
        assertEquals(412, send("DELETE", "api/records/document/doomed", null, null, editor, "\"1\"").statusCode());
        HttpResponse<String> gone = send("DELETE", "api/records/document/doomed", null, null, editor, null);
        assertEquals(200, gone.statusCode(), gone.body());
        assertEquals(1, JSON.readTree(gone.body()).get("deleted").asLong());
        assertEquals(410, get("doc/document/doomed", "text/turtle").statusCode());
        String oai = get("oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:archive.test:document/doomed", "*/*").body();
        assertTrue(oai.contains("status=\"deleted\""), oai);
        assertEquals(0, JSON.readTree(get("search.json?q=doomed", "application/json").body()).get("total").asLong());
        HttpResponse<String> twice = send("DELETE", "api/records/document/doomed", null, null, editor, null);
        assertEquals(1, JSON.readTree(twice.body()).get("unchanged").asLong(), "deleting what is deleted changes nothing");
        assertEquals(404, send("DELETE", "api/records/document/never-was", null, null, editor, null).statusCode());
        assertEquals(422, send("PUT", "api/records/document/doomed", "application/json", TestArchives.document("doomed", ""), editor, null).statusCode(),
                "identifiers are never reused");
    }

    @Test
    void aBodyPastTheLimitIs413AndATokenlessOneIs401Unread() throws Exception {
        String big = (TestArchives.document("big", "\"body\":{\"en\":\"" + "word ".repeat(300_000) + "\"}"));
        // Over a socket of our own: the server answers before reading the body and closes the connection on it, which
        // an HTTP client still sending would report as a broken connection instead of the answer.
        assertEquals(413, statusOfABigPost(big.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, editor));
        assertEquals(401, statusOfABigPost(big.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, null));
    }

    @Test
    void aTokenDeletedFromTheFileIsRevokedWithoutARestart() throws Exception {
        assertEquals(200, get("api/records/organisation/syrian-coalition", robot).statusCode());
        Files.writeString(tokens, ApiTokens.line("editor", editor) + "\n");
        assertEquals(401, get("api/records/organisation/syrian-coalition", robot).statusCode());
        assertEquals(200, get("api/records/organisation/syrian-coalition", editor).statusCode());
        Files.writeString(tokens, "editor " + editor + "\n"); // a slip: the token itself instead of its digest
        assertEquals(401, get("api/records/organisation/syrian-coalition", editor).statusCode(), "a broken file lets no one in");
    }

    /** The status of a POST that declares {@code length} bytes and sends only its head and a few of them. */
    private int statusOfABigPost(int length, String token) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(20_000);
            String head = "POST /api/records HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: " + length
                    + "\r\n" + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
            socket.getOutputStream().write((head + "{\"id\":").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    private HttpResponse<String> send(String method, String path, String type, String body, String token, String ifMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) b.header("Content-Type", type);
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (ifMatch != null) b.header("If-Match", ifMatch);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET with an Accept type, or (for the API) a token. */
    private HttpResponse<String> get(String path, String acceptOrToken) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.uri() + path));
        if (acceptOrToken.startsWith(ApiTokens.PREFIX)) b.header("Authorization", "Bearer " + acceptOrToken);
        else b.header("Accept", acceptOrToken);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
