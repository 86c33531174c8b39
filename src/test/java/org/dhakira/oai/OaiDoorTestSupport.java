package org.dhakira.oai;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A plain GET for tests that hand responses to other programs. */
final class OaiDoorTestSupport {
    private OaiDoorTestSupport() {}

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
