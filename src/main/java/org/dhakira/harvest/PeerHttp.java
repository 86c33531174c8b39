package org.dhakira.harvest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP GET of one OAI-PMH request, politely: network errors and 5xx are tried again after a doubling wait, a
 * 503 or 429 after the wait its Retry-After asks for (capped), up to a bounded number of attempts; other 4xx are
 * final, unless the body is an OAI-PMH response, as some providers send their errors so. The whole
 * response must arrive within the read timeout and fit the size limit, decompressed too.
 */
final class PeerHttp {
    private static final Logger LOG = LoggerFactory.getLogger(PeerHttp.class);

    private final HttpClient http;
    private final HarvestLimits limits;
    private final Clock clock;

    PeerHttp(HarvestLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        // Redirects are not followed: a peer could send the harvester to any host (a private address, this machine);
        // only the URL the operator configured is fetched, and a move is reported for the operator to follow.
        this.http = HttpClient.newBuilder().connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The body of a 200 response, decompressed. */
    byte[] get(URI url) {
        OptionalInt status = OptionalInt.empty();
        Throwable cause = null;
        for (int attempt = 1; ; attempt++) {
            Duration wait;
            try {
                HttpResponse<byte[]> r = once(url, attempt);
                if (r.statusCode() == 200) return decoded(url, r);
                status = OptionalInt.of(r.statusCode());
                cause = null;
                if (r.statusCode() == 503 || r.statusCode() == 429) {
                    wait = RetryAfter.parse(r.headers().firstValue("Retry-After"), clock.instant())
                            .map(d -> d.compareTo(limits.maxRetryAfter()) > 0 ? limits.maxRetryAfter() : d)
                            .orElse(limits.backoff(attempt));
                } else if (r.statusCode() >= 500) {
                    wait = limits.backoff(attempt);
                } else if (r.statusCode() >= 300 && r.statusCode() < 400) {
                    throw new PeerUnavailableException(url, attempt, status, new IOException("the peer redirects to "
                            + r.headers().firstValue("Location").orElse("(no Location)") + "; configure that URL if it is the archive's"));
                } else {
                    // Some providers send their OAI-PMH errors (noRecordsMatch even) as 400 or 404: read them.
                    byte[] body = decoded(url, r);
                    if (isOaiPmh(body)) return body;
                    throw new PeerUnavailableException(url, attempt, status, null);
                }
            } catch (IOException e) {
                status = OptionalInt.empty();
                cause = e;
                wait = limits.backoff(attempt);
            }
            if (attempt >= limits.maxAttempts()) throw new PeerUnavailableException(url, attempt, status, cause);
            LOG.info("{}: {}; trying again in {}", url, status.isPresent() ? "HTTP " + status.getAsInt() : cause, wait);
            sleep(url, attempt, wait);
        }
    }

    private HttpResponse<byte[]> once(URI url, int attempt) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(limits.readTimeout())
                .header("Accept-Encoding", "gzip, deflate").header("User-Agent", "Dhakira-harvester/1")
                .GET().build();
        AtomicReference<BoundedBody> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> response = http.sendAsync(request, info -> {
            body.set(new BoundedBody(limits.maxResponseBytes()));
            return body.get();
        });
        try {
            // The request's own timeout ends with the headers; this bounds the body as well.
            return response.get(limits.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandon(response, body);
            throw new HttpTimeoutException("no whole response within " + limits.readTimeout());
        } catch (InterruptedException e) {
            abandon(response, body);
            Thread.currentThread().interrupt();
            throw new PeerUnavailableException(url, attempt, OptionalInt.empty(), e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause() instanceof IOException io && io.getCause() instanceof BoundedBody.TooLarge t ? t : e.getCause();
            if (c instanceof BoundedBody.TooLarge) throw tooLarge(url, "");
            if (c instanceof IOException io) throw io;
            throw new IOException(c);
        }
    }

    private static void abandon(CompletableFuture<?> response, AtomicReference<BoundedBody> body) {
        response.cancel(true);
        if (body.get() != null) body.get().cancel();
    }

    private byte[] decoded(URI url, HttpResponse<byte[]> r) {
        String encoding = r.headers().firstValue("Content-Encoding").orElse("identity").strip().toLowerCase(java.util.Locale.ROOT);
        if (encoding.equals("identity")) return r.body();
        try (InputStream in = switch (encoding) {
            case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(r.body()));
            case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(r.body()));
            default -> throw new UnreadableResponseException(url, "Content-Encoding " + encoding + " was not asked for", 0, 0, null);
        }) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[64 * 1024];
            for (int n; (n = in.read(chunk)) > 0; ) {
                if (out.size() + (long) n > limits.maxResponseBytes()) throw tooLarge(url, " once decompressed");
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UnreadableResponseException(url, encoding + " body does not decompress: " + e.getMessage(), 0, 0, e);
        }
    }

    private static boolean isOaiPmh(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 2048), java.nio.charset.StandardCharsets.ISO_8859_1);
        return start.contains("<OAI-PMH") && start.contains(OaiResponseReader.OAI);
    }

    private UnreadableResponseException tooLarge(URI url, String when) {
        return new UnreadableResponseException(url, "larger than the limit of " + limits.maxResponseBytes() + " bytes" + when, 0, 0, null);
    }

    private static void sleep(URI url, int attempt, Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerUnavailableException(url, attempt, OptionalInt.empty(), e);
        }
    }
}
