package org.dhakira.harvest;

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
import org.dhakira.provenance.Provenance;
import org.dhakira.store.Batch;
import org.dhakira.store.RecordId;
import org.dhakira.store.UriSpace;
import org.dhakira.vocab.Kind;

/**
 * Takes a peer Dhakira's {@code rdf} records as they are: the graph is kept, the peer's URIs with it, and the thing
 * gets a key here under the name of its origin ({@link UriSpace}): the origin and the key are read from the thing's
 * URI alone, never from the peer's OAI identifier, whose keys may hold '~' of their own. A record of this archive
 * that comes back from a peer (two archives harvesting each other) is skipped.
 */
final class NativeCopy {

    /** A thing's URI at any Dhakira: {@code {base}id/{kind}/{key}}, on the web (no {@code javascript:} and the like). */
    private static final Pattern THING = Pattern.compile("(https?://[^\\s<>\"{}|^`]+/)id/([a-z]+)/([A-Za-z0-9][A-Za-z0-9._~-]*)");
    /** A Dhakira OAI identifier's key, what tells the thing when a graph holds several. */
    private static final Pattern LOCAL = Pattern.compile("oai:[^:]+:[a-z]+/(.+)");

    private final Peer peer;
    private final UriSpace uris;
    private final java.util.function.Predicate<String> reserved;

    /** @param reserved names an origin may not take: the ids of the peers whose records are minted {@code {id}~…} here */
    NativeCopy(Peer peer, UriSpace uris, java.util.function.Predicate<String> reserved) {
        this.peer = peer;
        this.uris = uris;
        this.reserved = reserved;
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
        Optional<Node> thing = thing(g, local.matches() ? local.group(1) : null);
        if (thing.isEmpty()) return Mapped.failed("holds no thing of a kind this archive knows, with an http(s) URI {base}id/{kind}/{key}");
        Matcher m = THING.matcher(thing.get().getURI());
        m.matches();
        String originBase = m.group(1);
        if (originBase.equals(uris.base())) {
            // This archive's own record, come back through a peer, carries that peer's harvest of it. One without
            // provenance is served as its own by an archive with this archive's base URI, or by this archive itself:
            // its records cannot be told from ours, and skipping them all would look like a harvest with no news.
            if (Provenance.chain(g, thing.get()).isEmpty()) {
                throw new PeerMisconfiguredException(peer.baseUrl(), "its records have this archive's own base URI " + originBase
                        + " and were not harvested from here, so they cannot be told from this archive's own: give one of the two"
                        + " archives another base URI (--base), or do not harvest this archive from itself");
            }
            return Mapped.skip();
        }
        Kind kind = Kind.fromSegment(m.group(2)).orElseThrow();
        // The peer's own things and those it passed on from further archives are named after the peer (-2, -3… for
        // the others, in the order met).
        String name = batch.origin(originBase, peer.id(), reserved);
        try {
            return Mapped.of(new RecordId(kind, name + UriSpace.ORIGIN_SEPARATOR + m.group(3)), g);
        } catch (IllegalArgumentException e) {
            return Mapped.failed(e.getMessage());
        }
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
