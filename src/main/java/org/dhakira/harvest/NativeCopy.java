package org.dhakira.harvest;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.dhakira.store.Batch;
import org.dhakira.store.RecordId;
import org.dhakira.store.UriSpace;
import org.dhakira.vocab.Kind;

/**
 * Takes a peer Dhakira's {@code rdf} records as they are: the graph is kept, the peer's URIs with it, and the thing
 * gets a key here under the name of its origin ({@link UriSpace}). A record of this archive that comes back from
 * a peer (two archives harvesting each other) is skipped. Holds the peer's origin names as a page meets them.
 */
final class NativeCopy {

    static final String NAMESPACE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    /** A thing's URI at any Dhakira: {@code {base}id/{kind}/{key}}. */
    private static final Pattern THING = Pattern.compile("(.+/)id/([a-z]+)/([A-Za-z0-9][A-Za-z0-9._~-]*)");
    /** A Dhakira OAI identifier's local part, {@code kind/key}, the key perhaps {@code origin~key}. */
    private static final Pattern LOCAL = Pattern.compile("oai:[^:]+:([a-z]+)/(?:([a-z0-9][a-z0-9-]*)~)?([A-Za-z0-9][A-Za-z0-9._~-]*)");

    /**
     * The name kept for an origin at the peer that is this archive itself (its records, come back): not a name of
     * {@link UriSpace}, which are never empty, so a deletion from it is known for this archive's own.
     */
    static final String THIS_ARCHIVE = "";

    private final Peer peer;
    private final UriSpace uris;
    private final Map<String, String> origins;
    /** The base of the peer's own things, as its Identify tells it: what a deletion of one of them is kept under. */
    private final Optional<String> peerBase;

    /**
     * @param identified the peer's baseURL as its Identify names it: a Dhakira's OAI door is {@code {base}oai}
     *                   ({@code oai.Repository}), so the base of its own things is known before any of them is met
     */
    NativeCopy(Peer peer, UriSpace uris, Map<String, String> origins, java.net.URI identified) {
        this.peer = peer;
        this.uris = uris;
        this.origins = new HashMap<>(origins);
        String url = identified.toString();
        this.peerBase = url.endsWith("/oai") && identified.isAbsolute() ? Optional.of(url.substring(0, url.length() - "oai".length())) : Optional.empty();
    }

    /** The peer's origin names met so far → this archive's ({@link #THIS_ARCHIVE} for this archive itself). */
    Map<String, String> origins() {
        return Map.copyOf(origins);
    }

    Mapped map(HarvestedRecord record, Batch batch) {
        String text = record.metadata().orElse(null);
        if (text == null) return Mapped.failed("has no metadata");
        Graph g = GraphFactory.createDefaultGraph();
        try {
            // The text is the reader's copy of the element: no DOCTYPE can be in it, so nothing external is fetched.
            RDFParser.fromString(text, Lang.RDFXML).parse(g);
        } catch (RiotException e) {
            return Mapped.failed("its RDF/XML does not parse: " + e.getMessage());
        }
        if (g.find().filterKeep(t -> t.getSubject().isBlank() || t.getObject().isBlank()).hasNext()) {
            return Mapped.failed("has blank nodes; a record's nodes all have URIs");
        }
        Matcher local = LOCAL.matcher(record.header().identifier());
        Optional<Node> thing = thing(g, local.matches() ? local.group(3) : null);
        if (thing.isEmpty()) return Mapped.failed("holds no thing of a kind this archive knows, with a URI {base}id/{kind}/{key}");
        Matcher m = THING.matcher(thing.get().getURI());
        m.matches();
        String originBase = m.group(1);
        String theirs = local.matches() && local.group(2) != null ? local.group(2) : "";
        if (originBase.equals(uris.base())) {
            origins.put(theirs, THIS_ARCHIVE);
            return Mapped.skip();
        }
        Kind kind = Kind.fromSegment(m.group(2)).orElseThrow();
        String name = batch.origin(originBase, theirs.isEmpty() ? peer.id() : theirs);
        origins.put(theirs, name);
        try {
            return Mapped.of(new RecordId(kind, name + UriSpace.ORIGIN_SEPARATOR + m.group(3)), g);
        } catch (IllegalArgumentException e) {
            return Mapped.failed(e.getMessage());
        }
    }

    /**
     * The record a deletion names, if its origin is one this archive has met, or the peer's own (whose base its
     * Identify gives); deletions carry no URI. Empty for a deletion of this archive's own record come back, and
     * for one whose origin is not known here: {@link #unplaced} says which.
     */
    Optional<RecordId> deleted(RecordHeader header, Batch batch) {
        Matcher local = LOCAL.matcher(header.identifier());
        if (!local.matches()) return Optional.empty();
        String theirs = local.group(2) == null ? "" : local.group(2);
        String name = origins.get(theirs);
        if (name == null && theirs.isEmpty() && peerBase.isPresent() && !peerBase.get().equals(uris.base())) {
            // A first harvest can meet a deletion of the peer's own record before any live one, which would have
            // told the origin: without this its tombstone would be lost, and the peer's set would keep the record.
            name = batch.origin(peerBase.get(), peer.id());
            origins.put(theirs, name);
        }
        Optional<Kind> kind = Kind.fromSegment(local.group(1));
        if (name == null || name.equals(THIS_ARCHIVE) || kind.isEmpty()) return Optional.empty();
        try {
            return Optional.of(new RecordId(kind.get(), name + UriSpace.ORIGIN_SEPARATOR + local.group(3)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Why a deletion found no record ({@link #deleted} was empty), or empty when there is nothing to say: the
     * deletion of this archive's own record, which a peer passed on and this archive made itself.
     */
    Optional<String> unplaced(RecordHeader header) {
        Matcher local = LOCAL.matcher(header.identifier());
        if (!local.matches()) return Optional.of("a deletion whose identifier is not a Dhakira's oai:{repository}:{kind}/{key}");
        String theirs = local.group(2) == null ? "" : local.group(2);
        if (THIS_ARCHIVE.equals(origins.get(theirs)) || theirs.isEmpty() && peerBase.filter(uris.base()::equals).isPresent()) return Optional.empty();
        if (Kind.fromSegment(local.group(1)).isEmpty()) return Optional.of("a deletion of a kind this archive does not know: " + local.group(1));
        return Optional.of("a deletion from the origin '" + theirs + "', none of whose records this archive has met: no URI to keep its tombstone under");
    }

    /** The subject typed as a kind of record, named {@code {base}id/{kind}/{key}}; the one with {@code key} if several. */
    private static Optional<Node> thing(Graph g, String key) {
        Node found = null;
        for (Triple t : g.find(Node.ANY, RDF.type.asNode(), Node.ANY).toList()) {
            Node s = t.getSubject();
            if (!s.isURI()) continue;
            Matcher m = THING.matcher(s.getURI());
            if (!m.matches()) continue;
            Optional<Kind> kind = Kind.fromSegment(m.group(2));
            if (kind.isEmpty() || !kind.get().type().equals(t.getObject())) continue;
            if (key == null || m.group(3).equals(key)) return Optional.of(s);
            if (found == null) found = s;
        }
        return Optional.ofNullable(found);
    }
}
