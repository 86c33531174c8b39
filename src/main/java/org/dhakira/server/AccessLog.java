package org.dhakira.server;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.dhakira.web.ApiTokens;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One line per request, as a JSON object, on the logger {@code dhakira.access} (its own appender in log4j2.xml, so an
 * operator routes it apart from the server's log):
 *
 * <pre>{@code {"time":"2026-12-01T09:00:00.123Z","id":"9f…","method":"PUT","path":"/api/records/document/x","status":201,
 *  "bytes":83,"ms":41.2,"client":"127.0.0.1","token":"newsroom","agent":"curl/8.5.0"}}</pre>
 *
 * JSON and not logfmt: paths, queries and user agents carry spaces, quotes and Arabic, JSON has one escaping that
 * every log shipper and {@code jq} reads, and logfmt has no specification of its own. {@code token} is the write
 * API token's NAME, resolved here from the request's bearer token ({@code "(refused)"} for one that is not valid);
 * the token itself is never written.
 */
final class AccessLog implements RequestLog {

    static final String LOGGER = "dhakira.access";
    private static final Logger ACCESS = LoggerFactory.getLogger(LOGGER);
    /** Long enough for a SPARQL query to be recognised, short enough to keep a line a line. */
    private static final int QUERY_CHARS = 1000;

    private final Optional<ApiTokens> tokens;
    private final ObjectMapper json = new ObjectMapper();

    AccessLog(Optional<ApiTokens> tokens) {
        this.tokens = tokens;
    }

    @Override
    public void log(Request request, Response response) {
        if (!ACCESS.isInfoEnabled()) return;
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.ofEpochMilli(Request.getTimeStamp(request)).toString());
        line.put("id", String.valueOf(request.getAttribute(RequestIds.ATTRIBUTE)));
        line.put("method", request.getMethod());
        line.put("path", request.getHttpURI().getPath());
        String query = request.getHttpURI().getQuery();
        if (query != null) line.put("query", query.length() > QUERY_CHARS ? query.substring(0, QUERY_CHARS) + "…" : query);
        line.put("status", response.getStatus());
        line.put("bytes", Response.getContentBytesWritten(response));
        line.put("ms", Math.round(NanoTime.since(request.getBeginNanoTime()) / (double) TimeUnit.MICROSECONDS.toNanos(100)) / 10.0);
        line.put("client", Request.getRemoteAddr(request));
        holder(request).ifPresent(h -> line.put("token", h));
        String agent = request.getHeaders().get(HttpHeader.USER_AGENT);
        if (agent != null) line.put("agent", agent.length() > 200 ? agent.substring(0, 200) : agent);
        try {
            ACCESS.info(json.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an access log line cannot be written as JSON", e);
        }
    }

    /** The name of the write-API token the request carries, if it carries one. */
    private Optional<String> holder(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header == null || tokens.isEmpty()) return Optional.empty();
        String[] parts = header.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) return Optional.of("(refused)");
        return Optional.of(tokens.get().holder(parts[1].strip()).orElse("(refused)"));
    }
}
