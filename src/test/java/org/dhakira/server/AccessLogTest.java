package org.dhakira.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.dhakira.TestArchives;
import org.dhakira.web.ApiTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The access log through log4j2's own appender chain: one JSON line per request, the token's name, never the token. */
class AccessLogTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void eachRequestIsOneJsonLineWithItsIdAndTheTokensNameNeverTheToken() throws Exception {
        String token = ApiTokens.mint();
        Path tokens = Files.writeString(tmp.resolve("tokens"), ApiTokens.line("newsroom", token) + "\n");
        StringWriter captured = new StringWriter();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        WriterAppender appender = WriterAppender.newBuilder().setName("access-test").setTarget(captured)
                .setLayout(PatternLayout.newBuilder().withPattern("%msg%n").build()).build();
        appender.start();
        LoggerConfig access = context.getConfiguration().getLoggerConfig(AccessLog.LOGGER);
        assertEquals(AccessLog.LOGGER, access.getName(), "log4j2.xml gives the access log a logger of its own");
        access.addAppender(appender, null, null);
        context.updateLoggers();
        String generated;
        try (Archive archive = Archive.open(TestArchives.config(tmp.resolve("data")).withApiTokens(tokens));
             ArchiveServer server = ArchiveServer.start(archive)) {
            HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("api/records/document/x?why=test"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").header("X-Request-Id", "trace-42")
                    .PUT(HttpRequest.BodyPublishers.ofString(TestArchives.document("x", ""))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, put.statusCode(), put.body());
            assertEquals("trace-42", put.headers().firstValue("X-Request-Id").orElseThrow(), "the client's id echoed");
            HttpResponse<String> wrong = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("api/records/document/x"))
                    .header("Authorization", "Bearer " + token + "x").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, wrong.statusCode());
            generated = wrong.headers().firstValue("X-Request-Id").orElseThrow();
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("doc/document/x.ttl"))
                    .header("X-Request-Id", "not a sensible id\"}").build(), HttpResponse.BodyHandlers.ofString());
            assertFalse(page.headers().firstValue("X-Request-Id").orElseThrow().contains(" "), "a made-up id replaced by one of ours");
        } finally {
            access.removeAppender("access-test");
            context.updateLoggers();
            appender.stop();
        }
        List<String> lines = captured.toString().lines().toList();
        assertEquals(3, lines.size(), captured.toString());
        assertFalse(captured.toString().contains(token), "the token is never in the log");
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertEquals("trace-42", first.get("id").asText());
        assertEquals("PUT", first.get("method").asText());
        assertEquals("/api/records/document/x", first.get("path").asText());
        assertEquals("why=test", first.get("query").asText());
        assertEquals(201, first.get("status").asInt());
        assertTrue(first.get("bytes").asLong() > 0);
        assertTrue(first.get("ms").isNumber());
        assertEquals("127.0.0.1", first.get("client").asText());
        assertEquals("newsroom", first.get("token").asText());
        assertTrue(first.get("time").asText().endsWith("Z"));
        JsonNode second = json.readTree(lines.get(1));
        assertEquals(401, second.get("status").asInt());
        assertEquals("(refused)", second.get("token").asText());
        assertEquals(generated, second.get("id").asText());
        JsonNode third = json.readTree(lines.get(2));
        assertFalse(third.has("token"), "no token, no name");
        assertEquals(200, third.get("status").asInt());
    }
}
