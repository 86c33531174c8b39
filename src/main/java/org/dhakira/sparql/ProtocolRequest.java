package org.dhakira.sparql;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.dhakira.sparql.QueryRefusedException.Reason;

/**
 * An HTTP request read as the SPARQL 1.1 Protocol reads it: GET with {@code query=}, POST form-encoded, or POST
 * {@code application/sparql-query} with the query as the body; the dataset from {@code default-graph-uri} and
 * {@code named-graph-uri}; the output format a client may force with {@code format} or {@code output}. Updates are
 * refused, whichever way they come; parameters the protocol does not know are ignored (clients add their own).
 * No query at all is not an error: it asks for the query page or the service description.
 *
 * <pre>{@code ProtocolRequest r = ProtocolRequest.read("GET", Map.of("query", List.of("ASK {}")), null, new byte[0]);}</pre>
 */
public record ProtocolRequest(Optional<QueryRequest> query, Optional<String> format) {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String SPARQL_QUERY = "application/sparql-query";
    static final String SPARQL_UPDATE = "application/sparql-update";

    public ProtocolRequest {
        if (query == null) query = Optional.empty();
        if (format == null) format = Optional.empty();
    }

    /**
     * Reads a request: {@code method} GET or POST, {@code parameters} from the URL (decoded), the Content-Type
     * header (null when absent) and the body.
     */
    public static ProtocolRequest read(String method, Map<String, List<String>> parameters, String contentType, byte[] body) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        parameters.forEach((k, v) -> params.put(k, new ArrayList<>(v)));
        Optional<String> direct = Optional.empty();
        if (method.equals("POST")) {
            if (contentType == null || contentType.isBlank()) {
                throw new QueryRefusedException(Reason.UNSUPPORTED_MEDIA_TYPE, "a POST to /sparql needs a Content-Type: "
                        + FORM + " (query=…) or " + SPARQL_QUERY + " (the query as the body)");
            }
            String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
            Optional<String> charset = charset(contentType);
            if ((type.equals(FORM) || type.equals(SPARQL_QUERY)) && charset.isPresent() && !charset.get().equalsIgnoreCase("utf-8")) {
                // Decoding another charset as UTF-8 would quietly change the query's words.
                throw new QueryRefusedException(Reason.UNSUPPORTED_MEDIA_TYPE, "a query or form must be UTF-8, not " + charset.get());
            }
            switch (type) {
                case FORM -> form(utf8(body, "the form")).forEach((k, v) -> params.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
                case SPARQL_QUERY -> direct = Optional.of(utf8(body, "the query"));
                case SPARQL_UPDATE -> throw updateRefused();
                default -> throw new QueryRefusedException(Reason.UNSUPPORTED_MEDIA_TYPE, "a POST to /sparql takes " + FORM + " or "
                        + SPARQL_QUERY + ", not " + type);
            }
        }
        if (params.containsKey("update")) throw updateRefused();
        List<String> queries = new ArrayList<>(params.getOrDefault("query", List.of()));
        direct.ifPresent(queries::add);
        if (queries.size() > 1) throw new QueryRefusedException(Reason.BAD_REQUEST, "the request carries " + queries.size() + " queries; send one");
        Optional<String> format = first(params, "format").or(() -> first(params, "output"));
        if (queries.isEmpty()) {
            if (method.equals("POST")) throw new QueryRefusedException(Reason.BAD_REQUEST, "the form has no query parameter");
            return new ProtocolRequest(Optional.empty(), format);
        }
        List<String> defaults = graphs(params, "default-graph-uri");
        List<String> named = graphs(params, "named-graph-uri");
        return new ProtocolRequest(Optional.of(new QueryRequest(queries.get(0), defaults, named)), format);
    }

    static QueryRefusedException updateRefused() {
        return new QueryRefusedException(Reason.FORBIDDEN, "this endpoint only answers queries: SPARQL Update is not accepted"
                + " (the archive changes only through its loader, so that every change is validated, stamped and indexed)");
    }

    private static Optional<String> first(Map<String, List<String>> params, String name) {
        return params.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).findFirst();
    }

    private static List<String> graphs(Map<String, List<String>> params, String name) {
        List<String> out = new ArrayList<>();
        for (String g : params.getOrDefault(name, List.of())) {
            String uri = g.trim();
            try {
                if (!new URI(uri).isAbsolute()) throw new URISyntaxException(uri, "not absolute");
            } catch (URISyntaxException e) {
                throw new QueryRefusedException(Reason.BAD_REQUEST, name + " '" + uri + "' is not an absolute URI");
            }
            out.add(uri);
        }
        return out;
    }

    private static Optional<String> charset(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) return Optional.of(p.substring(8).replace("\"", "").trim());
        }
        return Optional.empty();
    }

    /** Strict UTF-8: a body in another encoding is refused rather than read as nonsense. */
    private static String utf8(byte[] body, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new QueryRefusedException(Reason.UNSUPPORTED_MEDIA_TYPE, what + " is not valid UTF-8");
        }
    }

    private static Map<String, List<String>> form(String body) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            } catch (IllegalArgumentException e) {
                throw new QueryRefusedException(Reason.BAD_REQUEST, "the form is not URL-encoded: " + e.getMessage());
            }
        }
        return out;
    }
}
