package org.dhakira.store;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.dhakira.vocab.Kind;

/**
 * A record's stable identity: its kind and its key. The key is URI-safe and never reused; the URI is
 * {@code {base}id/{kind}/{key}}.
 *
 * <pre>{@code RecordId id = RecordId.parse("document/coalition-2017-02-07"); id.iri("http://localhost:8080/")}</pre>
 */
public record RecordId(Kind kind, String key) implements Comparable<RecordId> {

    /** Unreserved URI characters only, so a key never needs escaping; starts with a letter or digit. */
    public static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,199}");

    /** Endings that name a format of a description ({@code /doc/…/key.ttl}), so no key may have them. */
    static final Pattern RESERVED_ENDING = Pattern.compile(".*\\.(html|ttl|jsonld|json|rdf|nt|nq|trig|xml)$");

    public RecordId {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("key '" + abbreviate(key) + "' is not valid: use letters, digits, '-', '.', '_' or '~',"
                    + " starting with a letter or digit, at most 200 characters");
        }
        if (RESERVED_ENDING.matcher(key).matches()) {
            throw new IllegalArgumentException("key '" + key + "' ends like a file format (.ttl, .html, …), which would clash"
                    + " with the URLs of its descriptions");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    /** Parses {@code kind/key}, as records name each other in JSON. */
    public static RecordId parse(String path) {
        int slash = path.indexOf('/');
        if (slash < 0) throw new IllegalArgumentException("'" + path + "' is not of the form kind/key");
        String segment = path.substring(0, slash);
        Kind kind = Kind.fromSegment(segment).orElseThrow(() -> new IllegalArgumentException(
                "'" + segment + "' is not a kind of record (" + Kind.segments() + ")"));
        return new RecordId(kind, path.substring(slash + 1));
    }

    /** The id of the thing {@code iri} names, when it is a URI of this archive's things. */
    public static Optional<RecordId> fromIri(String base, String iri) {
        String prefix = base + "id/";
        if (!iri.startsWith(prefix)) return Optional.empty();
        try {
            return Optional.of(parse(iri.substring(prefix.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String iri(String base) {
        return base + "id/" + path();
    }

    /** {@code kind/key}. */
    public String path() {
        return kind.segment() + "/" + key;
    }

    @Override
    public int compareTo(RecordId o) {
        return path().compareTo(o.path());
    }

    @Override
    public String toString() {
        return path();
    }
}
