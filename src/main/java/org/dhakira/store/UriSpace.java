package org.dhakira.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the URIs of the things this archive holds live: its own under {@code {base}id/}, and those harvested
 * from peer Dhakira archives, which keep their peer's URIs, under each origin's base. Inside the archive a
 * harvested thing has a key of its own, {@code {origin}~{key}}, so that its pages, OAI identifier and index
 * entry never clash with a local record's; its URI and graph name stay the peer's.
 *
 * <pre>{@code
 * uris.iri(RecordId.parse("document/syria-memory~coalition-2017"))  // http://peer.example/id/document/coalition-2017
 * uris.id("http://peer.example/id/organisation/un")                // organisation/syria-memory~un
 * }</pre>
 *
 * Origins are added as harvests meet them and never removed (identifiers are never reused), so a reader
 * holding this object always sees every origin committed so far. Thread-safe.
 */
public final class UriSpace {

    /** Between an origin's name and the thing's key at that origin; kept out of local keys by ingest. */
    public static final char ORIGIN_SEPARATOR = '~';

    private final String base;
    /** Origin name → its base URI, and the reverse. */
    private final Map<String, String> bases = new ConcurrentHashMap<>();
    private final Map<String, String> names = new ConcurrentHashMap<>();

    UriSpace(String base) {
        if (!base.endsWith("/")) throw new IllegalArgumentException("base URI must end with '/': " + base);
        this.base = base;
    }

    /** The URIs of an archive at {@code base} that holds nothing harvested in {@code rdf} (yet). */
    public static UriSpace of(String base) {
        return new UriSpace(base);
    }

    /** This archive's own base URI. */
    public String base() {
        return base;
    }

    /** The URI of the thing {@code id} names, and the name of its graph in the store. */
    public String iri(RecordId id) {
        int cut = id.key().indexOf(ORIGIN_SEPARATOR);
        if (cut > 0) {
            String origin = bases.get(id.key().substring(0, cut));
            if (origin != null) return origin + "id/" + id.kind().segment() + "/" + id.key().substring(cut + 1);
        }
        return id.iri(base);
    }

    /** The id of the thing {@code iri} names, when it is this archive's or a known origin's. */
    public Optional<RecordId> id(String iri) {
        Optional<RecordId> own = RecordId.fromIri(base, iri);
        if (own.isPresent() || bases.isEmpty()) return own;
        for (Map.Entry<String, String> origin : bases.entrySet()) {
            if (!iri.startsWith(origin.getValue())) continue;
            Optional<RecordId> there = RecordId.fromIri(origin.getValue(), iri);
            if (there.isPresent()) {
                try {
                    return Optional.of(new RecordId(there.get().kind(), origin.getKey() + ORIGIN_SEPARATOR + there.get().key()));
                } catch (IllegalArgumentException tooLong) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The name of the origin whose base is {@code originBase}, if it is known. */
    public Optional<String> origin(String originBase) {
        return Optional.ofNullable(names.get(originBase));
    }

    /** The base URI of the origin {@code name}, if it is known. */
    public Optional<String> originBase(String name) {
        return Optional.ofNullable(bases.get(name));
    }

    void add(String name, String originBase) {
        if (originBase.equals(base)) throw new IllegalArgumentException("an origin cannot have this archive's own base " + base);
        String had = bases.putIfAbsent(name, originBase);
        if (had != null && !had.equals(originBase)) throw new IllegalStateException("origin " + name + " is " + had + ", not " + originBase);
        names.putIfAbsent(originBase, name);
    }
}
