package org.dhakira.sparql;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Real HTTP to a running endpoint, as SPARQL clients send it. */
final class SparqlHttp {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI server;

    SparqlHttp(URI server) {
        this.server = server;
    }

    HttpResponse<String> get(String query, String accept) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(server.resolve("sparql?query=" + enc(query))).header("Accept", accept).GET());
    }

    HttpResponse<String> getPath(String pathAndQuery, String accept) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(server.resolve(pathAndQuery)).header("Accept", accept).GET());
    }

    HttpResponse<String> postQuery(String query, String accept) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(server.resolve("sparql")).header("Accept", accept)
                .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString(query)));
    }

    HttpResponse<String> postForm(String form, String accept) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(server.resolve("sparql")).header("Accept", accept)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
