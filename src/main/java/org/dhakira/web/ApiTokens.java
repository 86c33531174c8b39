package org.dhakira.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer tokens of the write API, from a file of lines {@code NAME sha256:HEX} ({@code #} starts a comment).
 * Only each token's SHA-256 digest is kept, in the file and in memory: a copy of the file opens nothing. The tokens
 * are 32 random bytes ({@link #mint()}), so an unsalted digest is enough; a password would need a slow hash.
 *
 * <pre>{@code ApiTokens tokens = ApiTokens.from(Path.of("/etc/dhakira/tokens"));
 * Optional<String> who = tokens.holder("dk_…"); // the token's name, if it is one of them}</pre>
 *
 * The file is read again whenever its modification time or size changes (looked at on each request to the API),
 * so that deleting a line revokes its token without a restart. A file that has become unreadable or malformed
 * lets no one in until it is mended: an operator revoking a token must not keep it alive by a typo.
 */
public final class ApiTokens {

    private static final Logger LOG = LoggerFactory.getLogger(ApiTokens.class);
    private static final Pattern LINE = Pattern.compile("([A-Za-z0-9._-]{1,64})\\s+sha256:([0-9a-fA-F]{64})");
    /** What a minted token starts with, so that one pasted in the wrong place is recognisable. */
    static final String PREFIX = "dk_";

    /** One named token, by its digest. */
    record Entry(String name, byte[] digest) {
        Entry {
            Objects.requireNonNull(name, "name");
            if (digest.length != 32) throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, not " + digest.length);
            digest = digest.clone();
        }
    }

    /** The file as last read: what identified that version of it, and its tokens (none when it was unreadable). */
    private record Reading(Object version, List<Entry> entries) {}

    private final Path file;
    private volatile Reading reading;

    private ApiTokens(Path file, Reading reading) {
        this.file = file;
        this.reading = reading;
    }

    /**
     * Reads the token file.
     *
     * @throws IllegalArgumentException naming the file and the line when it cannot be read or a line is malformed
     */
    public static ApiTokens from(Path file) {
        Object version = version(file);
        return new ApiTokens(file, new Reading(version, parse(file)));
    }

    /** The name of the token whose text is {@code token}, if it is one of the file's (as the file is now). */
    public Optional<String> holder(String token) {
        byte[] digest = sha256(token);
        String found = null;
        // Every entry is compared, each in constant time, so the answer's timing tells nothing of the tokens.
        for (Entry e : current().entries()) {
            if (MessageDigest.isEqual(e.digest(), digest) && found == null) found = e.name();
        }
        return Optional.ofNullable(found);
    }

    /** The names of the tokens as the file is now. */
    public List<String> names() {
        return current().entries().stream().map(Entry::name).toList();
    }

    private Reading current() {
        Reading r = reading;
        Object now;
        try {
            now = version(file);
        } catch (IllegalArgumentException gone) {
            now = gone.getMessage();
        }
        if (now.equals(r.version())) return r;
        synchronized (this) {
            if (now.equals(reading.version())) return reading;
            List<Entry> entries;
            try {
                entries = parse(file);
                LOG.info("API tokens read again from {}: {}", file, entries.stream().map(Entry::name).toList());
            } catch (IllegalArgumentException e) {
                entries = List.of();
                LOG.error("API tokens: {}; no token is accepted until the file is mended", e.getMessage());
            }
            reading = new Reading(now, entries);
            return reading;
        }
    }

    /** What changes when the file is edited: its modification time and size (a rename into place changes its key too). */
    private static Object version(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(a.lastModifiedTime(), a.size(), String.valueOf(a.fileKey()));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the API token file " + file + ": " + e, e);
        }
    }

    private static List<Entry> parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the API token file " + file + ": " + e, e);
        }
        List<Entry> entries = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            Matcher m = LINE.matcher(line);
            String where = file + ":" + (i + 1) + ": ";
            if (!m.matches()) {
                throw new IllegalArgumentException(where + "a token line is 'NAME sha256:HEX' (64 hex digits; `dhakira token NAME` makes one)"
                        + (line.startsWith(PREFIX) || line.contains(" " + PREFIX) ? ", never the token itself" : ""));
            }
            if (!names.add(m.group(1))) throw new IllegalArgumentException(where + "the name '" + m.group(1) + "' is given twice");
            entries.add(new Entry(m.group(1), HexFormat.of().parseHex(m.group(2).toLowerCase(java.util.Locale.ROOT))));
        }
        return List.copyOf(entries);
    }

    /** A new token: 32 random bytes, base64url, after {@value #PREFIX}. */
    public static String mint() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The file's line for {@code token} under {@code name}. */
    public static String line(String name, String token) {
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) throw new IllegalArgumentException("a token's name is 1–64 letters, digits, '.', '_' or '-', was '" + name + "'");
        return name + " sha256:" + HexFormat.of().formatHex(sha256(token));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
