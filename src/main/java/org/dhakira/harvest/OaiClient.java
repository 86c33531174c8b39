package org.dhakira.harvest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An OAI-PMH 2.0 harvester's side of the protocol: Identify, and ListRecords page by page. Polite (retries with
 * a doubling wait, Retry-After honoured), bounded (size, time) and safe (no DTD, no entity, http(s) only); the
 * limits are set once on the builder. Thread-safe; one client may serve every peer.
 *
 * <pre>{@code
 * OaiClient client = OaiClient.builder().build();
 * Identity peer = client.identify(baseUrl);
 * Harvest harvest = client.harvest(baseUrl, new Selection("rdf", Optional.empty(), Optional.of(since)), peer.granularity());
 * while (harvest.hasNext()) {
 *     Page page = harvest.next();
 *     // commit page.records() and page.next() together
 * }
 * }</pre>
 */
public final class OaiClient {
    private final PeerHttp http;

    private OaiClient(HarvestLimits limits, Clock clock) {
        this.http = new PeerHttp(limits, clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What the peer says of itself. */
    public Identity identify(URI baseUrl) {
        URI url = request(baseUrl, Map.of("verb", "Identify"));
        return OaiResponseReader.identify(url, http.get(url));
    }

    /** The list's first page; {@code from}, if any, is written in {@code granularity}, the peer's. */
    public Page listRecords(URI baseUrl, Selection selection, Granularity granularity) {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("verb", "ListRecords");
        arguments.put("metadataPrefix", selection.metadataPrefix());
        selection.from().ifPresent(f -> arguments.put("from", granularity.format(f)));
        selection.set().ifPresent(s -> arguments.put("set", s));
        URI url = request(baseUrl, arguments);
        return OaiResponseReader.page(url, http.get(url));
    }

    /** The page after the one that gave {@code token}. */
    public Page listRecords(URI baseUrl, ResumptionToken token) {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("verb", "ListRecords");
        arguments.put("resumptionToken", token.value());
        URI url = request(baseUrl, arguments);
        return OaiResponseReader.page(url, http.get(url));
    }

    /** A whole list, page by page from the first. */
    public Harvest harvest(URI baseUrl, Selection selection, Granularity granularity) {
        return new Harvest(this, checked(baseUrl), selection, granularity, null);
    }

    /** The rest of a list, from a token a stopped harvest committed with its last page. */
    public Harvest resume(URI baseUrl, ResumptionToken token) {
        return new Harvest(this, checked(baseUrl), null, null, Objects.requireNonNull(token, "token"));
    }

    private static URI request(URI baseUrl, Map<String, String> arguments) {
        String query = arguments.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(checked(baseUrl) + "?" + query);
    }

    private static URI checked(URI baseUrl) {
        if (baseUrl == null || !("http".equalsIgnoreCase(baseUrl.getScheme()) || "https".equalsIgnoreCase(baseUrl.getScheme()))
                || baseUrl.getHost() == null || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("a peer's base URL is http(s), with a host and without query or fragment, was '" + baseUrl + "'");
        }
        return baseUrl;
    }

    /**
     * The limits, each checked as it is set. Defaults: connect 20 s, whole response 5 min, 64 MiB, 6 attempts,
     * waits doubling from 2 s to 2 min, Retry-After honoured up to 10 min.
     */
    public static final class Builder {
        private Duration connectTimeout = HarvestLimits.DEFAULTS.connectTimeout();
        private Duration readTimeout = HarvestLimits.DEFAULTS.readTimeout();
        private long maxResponseBytes = HarvestLimits.DEFAULTS.maxResponseBytes();
        private int maxAttempts = HarvestLimits.DEFAULTS.maxAttempts();
        private Duration firstBackoff = HarvestLimits.DEFAULTS.firstBackoff();
        private Duration maxBackoff = HarvestLimits.DEFAULTS.maxBackoff();
        private Duration maxRetryAfter = HarvestLimits.DEFAULTS.maxRetryAfter();
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        public Builder connectTimeout(Duration d) {
            connectTimeout = positive("connectTimeout", d);
            return this;
        }

        /** For the whole response, body included. */
        public Builder readTimeout(Duration d) {
            readTimeout = positive("readTimeout", d);
            return this;
        }

        /** Of a response's body, compressed and decompressed. */
        public Builder maxResponseBytes(long bytes) {
            if (bytes < 1024) throw new IllegalArgumentException("maxResponseBytes must be at least 1024, was " + bytes);
            maxResponseBytes = bytes;
            return this;
        }

        /** Of one request, the first included. */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1 || attempts > 100) throw new IllegalArgumentException("maxAttempts must be 1 to 100, was " + attempts);
            maxAttempts = attempts;
            return this;
        }

        /** The wait after a first failure, doubled after each next one up to {@code longest}. */
        public Builder backoff(Duration first, Duration longest) {
            positive("backoff", first);
            if (longest == null || longest.compareTo(first) < 0) throw new IllegalArgumentException("the longest backoff must not be shorter than the first, was " + longest);
            firstBackoff = first;
            maxBackoff = longest;
            return this;
        }

        /** The longest a Retry-After is honoured; a peer asking more is tried again after this. */
        public Builder maxRetryAfter(Duration d) {
            if (d == null || d.isNegative()) throw new IllegalArgumentException("maxRetryAfter must not be negative, was " + d);
            maxRetryAfter = d;
            return this;
        }

        /** For Retry-After given as a date. */
        public Builder clock(Clock c) {
            clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        public OaiClient build() {
            return new OaiClient(new HarvestLimits(connectTimeout, readTimeout, maxResponseBytes, maxAttempts, firstBackoff,
                    maxBackoff, maxRetryAfter), clock);
        }

        private static Duration positive(String name, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive, was " + d);
            return d;
        }
    }
}
