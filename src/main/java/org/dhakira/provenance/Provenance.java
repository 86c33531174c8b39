package org.dhakira.provenance;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.dhakira.vocab.Prov;

/**
 * Writes and reads a harvested record's provenance. A hop adds, inside the record's graph:
 *
 * <pre>
 * &lt;thing&gt; prov:wasDerivedFrom &lt;source&gt; ; prov:wasGeneratedBy &lt;harvest&gt; ; prov:wasAttributedTo &lt;peer&gt; .
 * &lt;source&gt; a prov:Entity ; prov:atLocation &lt;peer's OAI base URL&gt; ; dcterms:identifier "oai:…" ;
 *     prov:generatedAtTime datestamp ; dcterms:conformsTo &lt;metadata namespace&gt; ; arch:metadataAltered false .
 * &lt;harvest&gt; a prov:Activity ; prov:startedAtTime … ; prov:used &lt;source&gt; ; prov:wasAssociatedWith &lt;peer&gt; .
 * &lt;peer&gt; a prov:Agent ; rdfs:label "…"@ar , "…"@en .
 * </pre>
 *
 * The source is named by the GetRecord URL that serves it at the peer, so every node has a URI and two hops
 * never share one. What the thing said of an earlier hop moves onto the new source, so the chain reads from the
 * newest hop back: thing → source → the source's source…
 */
public final class Provenance {
    private Provenance() {}

    /** No chain is followed further: a record does not travel through more archives than this. */
    static final int MAX_HOPS = 32;

    /**
     * Where this archive's harvest agents and activities are named, {@code {base}harvest#}: the harvest page, an
     * anchor per peer. What starts so is this archive's word, never a peer's.
     */
    public static String harvestNames(String base) {
        return base + "harvest#";
    }

    /** The peer as an agent of this archive: {@code {base}harvest#{id}}, the peer's entry on the harvest page. */
    public static Node agent(String base, String peerId) {
        return NodeFactory.createURI(harvestNames(base) + peerId);
    }

    /** The harvest activity of one run: {@code {base}harvest#{id}-{start}}. */
    public static Node activity(String base, String peerId, Instant start) {
        return NodeFactory.createURI(harvestNames(base) + peerId + "-" + start.toString().replace(":", ""));
    }

    /** The URL at which the peer serves the record in the format harvested. */
    private static Node source(URI baseUrl, String metadataPrefix, String identifier) {
        return NodeFactory.createURI(baseUrl + "?verb=GetRecord&metadataPrefix=" + URLEncoder.encode(metadataPrefix, StandardCharsets.UTF_8)
                + "&identifier=" + URLEncoder.encode(identifier, StandardCharsets.UTF_8));
    }

    /** Who harvested, from whom, when: one harvest run of one peer. */
    public record Hop(Node agent, String agentNameAr, String agentNameEn, Node activity, Instant started, URI baseUrl,
                      String metadataPrefix, String metadataNamespace, boolean altered) {}

    /** Adds one hop to {@code graph}, the record {@code thing} as the peer sent it (or as a crosswalk made it). */
    public static void add(Graph graph, Node thing, Hop hop, String identifier, Instant datestamp) {
        Node source = source(hop.baseUrl(), hop.metadataPrefix(), identifier);
        for (Node p : List.of(Prov.wasDerivedFrom, Prov.wasGeneratedBy, Prov.wasAttributedTo)) {
            for (Triple earlier : graph.find(thing, p, Node.ANY).toList()) {
                graph.delete(earlier);
                if (!earlier.getObject().equals(source)) graph.add(Triple.create(source, p, earlier.getObject()));
            }
        }
        graph.add(Triple.create(thing, Prov.wasDerivedFrom, source));
        graph.add(Triple.create(thing, Prov.wasGeneratedBy, hop.activity()));
        graph.add(Triple.create(thing, Prov.wasAttributedTo, hop.agent()));
        graph.add(Triple.create(source, RDF.type.asNode(), Prov.Entity));
        graph.add(Triple.create(source, Prov.atLocation, NodeFactory.createURI(hop.baseUrl().toString())));
        graph.add(Triple.create(source, Prov.identifier, NodeFactory.createLiteralString(identifier)));
        graph.add(Triple.create(source, Prov.generatedAtTime, dateTime(datestamp)));
        graph.add(Triple.create(source, Prov.conformsTo, NodeFactory.createURI(hop.metadataNamespace())));
        graph.add(Triple.create(source, Prov.altered, NodeFactory.createLiteralDT(Boolean.toString(hop.altered()), XSDDatatype.XSDboolean)));
        graph.add(Triple.create(hop.activity(), RDF.type.asNode(), Prov.Activity));
        graph.add(Triple.create(hop.activity(), Prov.startedAtTime, dateTime(hop.started())));
        graph.add(Triple.create(hop.activity(), Prov.used, source));
        graph.add(Triple.create(hop.activity(), Prov.wasAssociatedWith, hop.agent()));
        graph.add(Triple.create(hop.agent(), RDF.type.asNode(), Prov.Agent));
        graph.add(Triple.create(hop.agent(), RDFS.label.asNode(), NodeFactory.createLiteralLang(hop.agentNameAr(), "ar")));
        graph.add(Triple.create(hop.agent(), RDFS.label.asNode(), NodeFactory.createLiteralLang(hop.agentNameEn(), "en")));
    }

    /** The hops of {@code thing}, the newest (this archive's harvest) first; empty for a record not harvested. */
    public static List<Origin> chain(Graph graph, Node thing) {
        List<Origin> chain = new ArrayList<>();
        Set<Node> seen = new HashSet<>();
        Node at = thing;
        while (chain.size() < MAX_HOPS) {
            Optional<Node> source = object(graph, at, Prov.wasDerivedFrom).filter(Node::isURI);
            if (source.isEmpty() || !seen.add(source.get())) break;
            Optional<Origin> origin = origin(graph, source.get(), at);
            if (origin.isEmpty()) break;
            chain.add(origin.get());
            at = source.get();
        }
        return List.copyOf(chain);
    }

    /**
     * {@code graph} without its provenance: the record as its own archive made it, for checking against the
     * vocabulary (the provenance nodes are not the record's fields). The graph given is left as it is.
     */
    public static Graph without(Graph graph, Node thing) {
        Graph record = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        Set<Node> provenance = new HashSet<>();
        for (Node type : List.of(Prov.Entity, Prov.Activity, Prov.Agent)) {
            graph.find(Node.ANY, RDF.type.asNode(), type).forEachRemaining(t -> {
                if (!t.getSubject().equals(thing)) provenance.add(t.getSubject());
            });
        }
        List<Node> hops = List.of(Prov.wasDerivedFrom, Prov.wasGeneratedBy, Prov.wasAttributedTo);
        graph.find().forEachRemaining(t -> {
            if (provenance.contains(t.getSubject())) return;
            if (t.getSubject().equals(thing) && hops.contains(t.getPredicate())) return;
            record.add(t);
        });
        return record;
    }

    /** The peer this archive harvested {@code thing} from: its agent's URI and labels, if harvested. */
    public static Optional<Node> harvestedFrom(Graph graph, Node thing) {
        return object(graph, thing, Prov.wasAttributedTo).filter(Node::isURI);
    }

    /** {@code source}'s origin; {@code derived} is what was derived from it, whose activity gives the harvest date. */
    private static Optional<Origin> origin(Graph graph, Node source, Node derived) {
        Optional<URI> baseUrl = object(graph, source, Prov.atLocation).filter(Node::isURI).map(n -> URI.create(n.getURI()));
        Optional<String> identifier = object(graph, source, Prov.identifier).filter(Node::isLiteral).map(Node::getLiteralLexicalForm);
        Optional<Instant> datestamp = object(graph, source, Prov.generatedAtTime).flatMap(Provenance::instant);
        Optional<String> namespace = object(graph, source, Prov.conformsTo).filter(Node::isURI).map(Node::getURI);
        Optional<Instant> harvested = object(graph, derived, Prov.wasGeneratedBy)
                .flatMap(a -> object(graph, a, Prov.startedAtTime)).flatMap(Provenance::instant);
        boolean altered = object(graph, source, Prov.altered).filter(Node::isLiteral)
                .map(n -> "true".equals(n.getLiteralLexicalForm()) || "1".equals(n.getLiteralLexicalForm())).orElse(false);
        if (baseUrl.isEmpty() || identifier.isEmpty() || datestamp.isEmpty() || namespace.isEmpty() || harvested.isEmpty()) return Optional.empty();
        return Optional.of(new Origin(baseUrl.get(), identifier.get(), datestamp.get(), namespace.get(), harvested.get(), altered));
    }

    private static Optional<Node> object(Graph graph, Node s, Node p) {
        var it = graph.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? Optional.of(it.next().getObject()) : Optional.empty();
        } finally {
            it.close();
        }
    }

    private static Optional<Instant> instant(Node n) {
        if (!n.isLiteral()) return Optional.empty();
        try {
            return Optional.of(Instant.parse(n.getLiteralLexicalForm()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Node dateTime(Instant t) {
        return NodeFactory.createLiteralDT(t.toString(), XSDDatatype.XSDdateTime);
    }
}
