package org.dhakira.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.dhakira.vocab.DataFiles;

/**
 * The archive's configuration. Each key comes from, in rising order of precedence: the built-in
 * {@code server/dhakira.properties}, a file given with {@code --config}, the environment ({@code DHAKIRA_PORT}),
 * and command-line flags ({@code --port}). The README lists every key.
 *
 * <pre>{@code Config c = Config.resolve(Optional.empty(), System.getenv(), Map.of("port", "9090"));}</pre>
 */
public record Config(String host, int port, Path data, Optional<String> base, Optional<Path> home, Oai oai, Sparql sparql,
                     Http http, Queue queue, Api api) {

    /**
     * What the OAI-PMH door says of the repository. Unset identifier and email are derived from the base URI
     * when the archive opens ({@link org.dhakira.oai.Repository}).
     */
    public record Oai(String name, Optional<String> identifier, Optional<String> adminEmail, int pageSize, String license) {
        public static final Oai DEFAULTS = new Oai("ذاكرة — Dhakira", Optional.empty(), Optional.empty(), 100,
                "https://creativecommons.org/publicdomain/zero/1.0/");

        public Oai {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("oai.name must not be empty");
            if (identifier == null) identifier = Optional.empty();
            if (adminEmail == null) adminEmail = Optional.empty();
            if (pageSize < 1 || pageSize > 1000) throw new IllegalArgumentException("oai.pageSize must be between 1 and 1000, was " + pageSize);
            if (license == null || !license.matches("https?://\\S+")) throw new IllegalArgumentException("license must be an http(s) URI, was '" + license + "'");
        }
    }

    /** A configuration with the default OAI settings. */
    public Config(String host, int port, Path data, Optional<String> base, Optional<Path> home) {
        this(host, port, data, base, home, Oai.DEFAULTS);
    }

    /**
     * The limits of the SPARQL door: how long a query may run, how many rows (or triples) an answer may carry
     * before it is cut (and says so), and the only endpoints a query may call with SERVICE (none by default).
     */
    public record Sparql(java.time.Duration timeout, int rowCap, java.util.List<String> serviceAllowList) {
        public static final Sparql DEFAULTS = new Sparql(java.time.Duration.ofSeconds(30), 10_000, java.util.List.of());

        public Sparql {
            if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.toSeconds() > 3600) {
                throw new IllegalArgumentException("sparql.timeout must be between 1 and 3600 seconds, was " + timeout);
            }
            if (rowCap < 1 || rowCap > 10_000_000) throw new IllegalArgumentException("sparql.rowCap must be between 1 and 10000000, was " + rowCap);
            serviceAllowList = java.util.List.copyOf(serviceAllowList == null ? java.util.List.of() : serviceAllowList);
            for (String s : serviceAllowList) {
                if (!s.matches("https?://\\S+")) throw new IllegalArgumentException("sparql.serviceAllowList: '" + s + "' is not an http(s) URL");
            }
        }
    }

    /** A configuration with the default SPARQL limits. */
    public Config(String host, int port, Path data, Optional<String> base, Optional<Path> home, Oai oai) {
        this(host, port, data, base, home, oai, Sparql.DEFAULTS);
    }

    /**
     * What the HTTP server takes from a client before it refuses: the bytes of a request body (413), the
     * characters of a request's URI, path and query string together (414), the bytes of the request line and
     * headers (431, or 414 when the URI alone is past it), how long a connection may stay silent, and how long
     * it may take to deliver a request's head from its opening or its previous answer (against clients that
     * trickle a header a byte at a time, which an idle timeout never catches).
     */
    public record Http(int maxBody, int maxUriLength, int maxHeaderSize, java.time.Duration idleTimeout, java.time.Duration headTimeout) {
        public static final Http DEFAULTS = new Http(1 << 20, 8192, 16384, java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(20));

        public Http {
            if (maxBody < 1024) throw new IllegalArgumentException("http.maxBody must be at least 1024 bytes, was " + maxBody);
            if (maxUriLength < 256) throw new IllegalArgumentException("http.maxUriLength must be at least 256 characters, was " + maxUriLength);
            if (maxHeaderSize < 1024) throw new IllegalArgumentException("http.maxHeaderSize must be at least 1024 bytes, was " + maxHeaderSize);
            seconds("http.idleTimeout", idleTimeout);
            seconds("http.headTimeout", headTimeout);
        }
    }

    /**
     * The admission queue of the heavy doors (SPARQL queries, the VoID counts): how many run at once, how many
     * more may wait for a turn, and how long one waits before it is told to come back later (503, Retry-After).
     */
    public record Queue(int running, int waiting, java.time.Duration maxWait) {
        public static final Queue DEFAULTS = new Queue(4, 16, java.time.Duration.ofSeconds(10));

        public Queue {
            if (running < 1 || running > 1000) throw new IllegalArgumentException("queue.running must be between 1 and 1000, was " + running);
            if (waiting < 0 || waiting > 10_000) throw new IllegalArgumentException("queue.waiting must be between 0 and 10000, was " + waiting);
            seconds("queue.wait", maxWait);
        }
    }

    /**
     * The write API: the file of its bearer tokens (each named, kept as a digest), re-read when it changes. No
     * file, no API: {@code /api/} is not served at all.
     */
    public record Api(Optional<Path> tokens, int writesWaiting, java.time.Duration writesWait) {
        public static final int WRITES_WAITING = 8;
        public static final java.time.Duration WRITES_WAIT = java.time.Duration.ofSeconds(5);
        public static final Api OFF = new Api(Optional.empty());

        public Api {
            if (tokens == null) tokens = Optional.empty();
            if (writesWaiting < 0 || writesWaiting > 10_000) throw new IllegalArgumentException("api.writesWaiting must be between 0 and 10000, was " + writesWaiting);
            seconds("api.writesWait", writesWait);
        }

        /** With the default bounds of the writes' line. */
        public Api(Optional<Path> tokens) {
            this(tokens, WRITES_WAITING, WRITES_WAIT);
        }
    }

    /** A configuration without the write API. */
    public Config(String host, int port, Path data, Optional<String> base, Optional<Path> home, Oai oai, Sparql sparql,
                  Http http, Queue queue) {
        this(host, port, data, base, home, oai, sparql, http, queue, Api.OFF);
    }

    /** This configuration with the write API's tokens in {@code tokens}. */
    public Config withApiTokens(Path tokens) {
        return new Config(host, port, data, base, home, oai, sparql, http, queue, new Api(Optional.of(tokens), api.writesWaiting(), api.writesWait()));
    }

    private static void seconds(String key, java.time.Duration d) {
        if (d == null || d.toSeconds() < 1 || d.toSeconds() > 3600) {
            throw new IllegalArgumentException(key + " must be between 1 and 3600 seconds, was " + (d == null ? "unset" : d.toSeconds()));
        }
    }

    /** A configuration with the default HTTP limits and admission queue. */
    public Config(String host, int port, Path data, Optional<String> base, Optional<Path> home, Oai oai, Sparql sparql) {
        this(host, port, data, base, home, oai, sparql, Http.DEFAULTS, Queue.DEFAULTS);
    }

    public Config {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        if (host == null || host.isBlank()) throw new IllegalArgumentException("host must not be empty");
        if (data == null) throw new IllegalArgumentException("data folder must be given");
        if (base == null) base = Optional.empty();
        base.ifPresent(b -> {
            if (!b.matches("https?://[^\\s?#]+/")) {
                throw new IllegalArgumentException("base must be an http(s) URI ending in '/', was '" + b + "'");
            }
        });
        if (home == null) home = Optional.empty();
        if (oai == null) oai = Oai.DEFAULTS;
        if (sparql == null) sparql = Sparql.DEFAULTS;
        if (http == null) http = Http.DEFAULTS;
        if (queue == null) queue = Queue.DEFAULTS;
        if (api == null) api = Api.OFF;
    }

    /** The configuration keys, in the order the README documents them. */
    public static final java.util.List<String> KEYS = java.util.List.of("host", "port", "data", "base", "home",
            "oai.name", "oai.identifier", "oai.adminEmail", "oai.pageSize", "license",
            "sparql.timeout", "sparql.rowCap", "sparql.serviceAllowList",
            "http.maxBody", "http.maxUriLength", "http.maxHeaderSize", "http.idleTimeout", "http.headTimeout",
            "queue.running", "queue.waiting", "queue.wait", "api.tokens", "api.writesWaiting", "api.writesWait");

    /** Merges the four sources; blank values count as unset. */
    public static Config resolve(Optional<Path> file, Map<String, String> env, Map<String, String> flags) {
        Map<String, String> values = new HashMap<>();
        Properties builtIn = new Properties();
        try (InputStream in = DataFiles.builtIn().open("server/dhakira.properties")) {
            builtIn.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        builtIn.forEach((k, v) -> put(values, k.toString(), v.toString()));
        if (file.isPresent()) {
            Properties p = new Properties();
            try (var reader = Files.newBufferedReader(file.get())) {
                p.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read configuration file " + file.get() + ": " + e.getMessage(), e);
            }
            p.forEach((k, v) -> {
                if (!KEYS.contains(k.toString())) {
                    throw new IllegalArgumentException(file.get() + ": unknown key '" + k + "' (known: " + String.join(", ", KEYS) + ")");
                }
                put(values, k.toString(), v.toString());
            });
        }
        for (String key : KEYS) {
            String v = env.get("DHAKIRA_" + key.replace('.', '_').toUpperCase(Locale.ROOT));
            if (v != null) put(values, key, v);
        }
        flags.forEach((k, v) -> put(values, k, v));

        int port = number(values, "port", 8080);
        Optional<String> base = Optional.ofNullable(values.get("base")).map(b -> b.endsWith("/") ? b : b + "/");
        Oai oai = new Oai(values.getOrDefault("oai.name", Oai.DEFAULTS.name()), Optional.ofNullable(values.get("oai.identifier")),
                Optional.ofNullable(values.get("oai.adminEmail")), number(values, "oai.pageSize", Oai.DEFAULTS.pageSize()),
                values.getOrDefault("license", Oai.DEFAULTS.license()));
        Sparql sparql = new Sparql(java.time.Duration.ofSeconds(number(values, "sparql.timeout", (int) Sparql.DEFAULTS.timeout().toSeconds())),
                number(values, "sparql.rowCap", Sparql.DEFAULTS.rowCap()),
                values.containsKey("sparql.serviceAllowList") ? java.util.List.of(values.get("sparql.serviceAllowList").split("[\\s,]+")) : java.util.List.of());
        Http http = new Http(number(values, "http.maxBody", Http.DEFAULTS.maxBody()),
                number(values, "http.maxUriLength", Http.DEFAULTS.maxUriLength()),
                number(values, "http.maxHeaderSize", Http.DEFAULTS.maxHeaderSize()),
                java.time.Duration.ofSeconds(number(values, "http.idleTimeout", (int) Http.DEFAULTS.idleTimeout().toSeconds())),
                java.time.Duration.ofSeconds(number(values, "http.headTimeout", (int) Http.DEFAULTS.headTimeout().toSeconds())));
        Queue queue = new Queue(number(values, "queue.running", Queue.DEFAULTS.running()),
                number(values, "queue.waiting", Queue.DEFAULTS.waiting()),
                java.time.Duration.ofSeconds(number(values, "queue.wait", (int) Queue.DEFAULTS.maxWait().toSeconds())));
        return new Config(values.getOrDefault("host", "0.0.0.0"), port, Path.of(values.getOrDefault("data", "data")),
                base, Optional.ofNullable(values.get("home")).map(Path::of), oai, sparql, http, queue,
                new Api(Optional.ofNullable(values.get("api.tokens")).map(Path::of), number(values, "api.writesWaiting", Api.WRITES_WAITING),
                        java.time.Duration.ofSeconds(number(values, "api.writesWait", (int) Api.WRITES_WAIT.toSeconds()))));
    }

    private static int number(Map<String, String> values, String key, int otherwise) {
        String v = values.get(key);
        if (v == null) return otherwise;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, was '" + v + "'");
        }
    }

    private static void put(Map<String, String> values, String key, String value) {
        if (value != null && !value.isBlank()) values.put(key, value.trim());
    }

    /** The base URI when none is configured and the store has none yet. */
    public String defaultBase() {
        return "http://localhost:" + (port == 0 ? 8080 : port) + "/";
    }

    public DataFiles dataFiles() {
        return new DataFiles(home);
    }
}
