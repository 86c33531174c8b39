package org.dhakira.describe;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.jena.atlas.lib.Cache;
import org.apache.jena.atlas.lib.CacheFactory;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;
import org.dhakira.store.StoredRecord;
import org.dhakira.vocab.Arch;
import org.dhakira.vocab.Kind;
import org.dhakira.vocab.Vocabulary;

/**
 * Builds {@link Description}s from one store snapshot each, so a description never mixes two states of the
 * archive. Everything is found through TDB2's indexes — the records linked to by their own graphs, the records
 * linking here by the quad index on (property, object) — so a description costs lookups in proportion to what it
 * shows, whatever the size of the archive.
 *
 * <pre>{@code Descriptions descriptions = new Descriptions(store);
 * Optional<Description> d = descriptions.find(RecordId.parse("document/coalition-amnesty-saydnaya-2017-02-07"));}</pre>
 */
public final class Descriptions {

    /** The most referring records a description carries; the rest are a link away. */
    public static final int SHOWN = 100;

    /** The archive's linking properties; which of them point at a kind comes from the ontology's ranges. */
    private static final List<Node> LINKS = List.of(Arch.issuer, Arch.targetCountry, Arch.relatedOrganisation,
            Arch.relatedPerson, Arch.relatedEvent, Arch.relatedPlace, Arch.relatedDocument);
    /** The properties whose values are vocabulary terms a description labels. */
    private static final List<Node> TERMS = List.of(Arch.documentType, Arch.reliability);
    private static final java.util.Set<Node> SHOWN_VALUES = java.util.Set.copyOf(
            java.util.stream.Stream.concat(LINKS.stream(), TERMS.stream()).toList());
    private static final Node LABEL = RDFS.label.asNode();
    private static final Node TYPE = RDF.type.asNode();

    private final RecordStore store;
    private final Vocabulary vocabulary;
    private final String base;
    private final org.dhakira.store.UriSpace uris;
    private final Map<Kind, List<Node>> linkingTo;
    private final org.apache.jena.shared.PrefixMapping prefixes;
    /** The organisations, persons and chronicle entries of a large archive. */
    private static final int BRIEFS = 200_000;
    /** Kept across changes, each checked against its record's sequence number; least used out first. */
    private final Cache<RecordId, Brief> briefs = CacheFactory.createCache(BRIEFS);

    public Descriptions(RecordStore store) {
        this.store = store;
        this.vocabulary = store.vocabulary();
        this.base = store.base();
        this.uris = store.uris();
        this.prefixes = Vocabulary.prefixes(base);
        Map<Kind, List<Node>> by = new java.util.EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) by.put(k, LINKS.stream().filter(p -> vocabulary.kindsFor(p).contains(k)).toList());
        this.linkingTo = Collections.unmodifiableMap(by);
    }

    /** The thing's description, or empty when the archive never had it. */
    public Optional<Description> find(RecordId id) {
        return store.snapshot(s -> s.find(id).map(r -> describe(s, r)));
    }

    private Description describe(RecordStore.Snapshot s, StoredRecord record) {
        RecordStore.Position change = s.lastChange();
        long at = change.sequence();
        if (record.deleted()) {
            Graph tombstone = StoredRecord.newGraph();
            tombstone.getPrefixMapping().setNsPrefixes(prefixes);
            record.graph().find().forEach(tombstone::add);
            return new Description(record, tombstone, List.of(), Description.Referrers.NONE, record.datestamp(), at);
        }
        Graph g = StoredRecord.newGraph();
        g.getPrefixMapping().setNsPrefixes(prefixes);
        // Any change may alter a description (a linked name, a record that names this one or stops naming it,
        // which then leaves no trace here), so the archive's last change is the only date that never lies.
        Instant latest = change.datestamp().orElse(record.datestamp());
        Node self = NodeFactory.createURI(uris.iri(record.id()));
        // One pass over the record's statements, keeping the values of the properties read below: a find by
        // property would filter them all again for each.
        Map<Node, List<Node>> own = new java.util.HashMap<>();
        record.graph().find().forEachRemaining(t -> {
            g.add(t);
            if (t.getSubject().equals(self) && SHOWN_VALUES.contains(t.getPredicate())) {
                own.computeIfAbsent(t.getPredicate(), p -> new ArrayList<>(2)).add(t.getObject());
            }
        });

        List<Description.Link> links = new ArrayList<>();
        Map<Node, Boolean> seen = new java.util.HashMap<>();
        for (Node p : LINKS) {
            for (Node o : own.getOrDefault(p, List.of())) {
                Optional<RecordId> target = o.isURI() ? uris.id(o.getURI()) : Optional.empty();
                if (target.isEmpty()) continue;
                Brief brief = brief(s, at, target.get());
                links.add(new Description.Link(p, target.get(), brief.labels(), brief.deleted()));
                if (seen.putIfAbsent(o, true) == null && !brief.deleted()) {
                    describeBriefly(g, o, target.get().kind(), brief.labels());
                }
            }
        }
        for (Node p : TERMS) {
            for (Node term : own.getOrDefault(p, List.of())) {
                for (String lang : List.of("ar", "en")) {
                    vocabulary.label(term, lang).ifPresent(l -> {
                        g.add(Triple.create(term, SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang(l, lang)));
                        g.add(Triple.create(term, LABEL, NodeFactory.createLiteralLang(l, lang)));
                    });
                }
            }
        }

        RecordStore.Referrals referrals = s.linkingTo(record.id(), linkingTo.get(record.id().kind()), SHOWN + 1);
        List<RecordId> linking = referrals.newest();
        int total = referrals.total();
        List<Description.Referrer> shown = new ArrayList<>();
        for (RecordId r : linking) {
            if (shown.size() == SHOWN) break;
            Node rn = NodeFactory.createURI(uris.iri(r));
            List<Node> via = new ArrayList<>();
            for (Node p : linkingTo.get(record.id().kind())) {
                if (!s.values(r, p).stream().filter(self::equals).toList().isEmpty()) {
                    via.add(p);
                    g.add(Triple.create(rn, p, self));
                    for (Node sp : vocabulary.superProperties(p)) g.add(Triple.create(rn, sp, self));
                }
            }
            Map<String, String> labels = labels(s, r);
            describeBriefly(g, rn, r.kind(), labels);
            shown.add(new Description.Referrer(r, via, labels, date(s, r)));
        }
        shown.sort(Comparator.comparing((Description.Referrer r) -> r.date().orElse(LocalDate.MIN)).reversed()
                .thenComparing(Description.Referrer::id));
        Optional<String> all = total > shown.size() ? Optional.of(fullList(record.id())) : Optional.empty();
        all.ifPresent(href -> g.add(Triple.create(self, RDFS.seeAlso.asNode(), NodeFactory.createURI(href))));
        return new Description(record, g, links, new Description.Referrers(shown, total, all), latest, at);
    }

    /**
     * What a description shows of a record it links to: whether it is deleted (or missing) and its labels, as of
     * the record's change {@code sequence} (-1: never had), known to hold still at the store's change
     * {@code checkedAt}. Documents name the same organisations, persons and places again and again, so these are
     * kept; a change elsewhere leaves them as they are, as they depend on the record's own graph alone.
     */
    private record Brief(long sequence, long checkedAt, boolean deleted, Map<String, String> labels) {}

    private Brief brief(RecordStore.Snapshot s, long at, RecordId id) {
        Brief b = briefs.getIfPresent(id);
        if (b != null && b.checkedAt() == at) return b;
        // After a change, one lookup (the record's sequence number, a number TDB2 keeps in the index itself) tells
        // whether the change was this record's, instead of reading its names again.
        long sequence = s.sequence(id).orElse(-1L);
        if (b != null && b.sequence() == sequence) {
            b = new Brief(sequence, at, b.deleted(), b.labels());
        } else {
            // One lookup: the shapes give every live record a title or a name, and a tombstone has neither.
            Map<String, String> labels = labels(s, id);
            b = new Brief(sequence, at, labels.isEmpty(), labels);
        }
        briefs.put(id, b);
        return b;
    }

    /** A linked thing's kind and labels: what a client needs to show the link without fetching it. */
    private void describeBriefly(Graph g, Node thing, Kind kind, Map<String, String> labels) {
        g.add(Triple.create(thing, TYPE, kind.type()));
        for (Node sc : vocabulary.superClasses(kind.type())) g.add(Triple.create(thing, TYPE, sc));
        labels.forEach((lang, l) -> g.add(Triple.create(thing, LABEL, NodeFactory.createLiteralLang(l, lang))));
    }

    /** Language tag → title (documents, chronicle entries) or name (the rest); the first of each language. */
    private static Map<String, String> labels(RecordStore.Snapshot s, RecordId id) {
        Node property = id.kind() == Kind.DOCUMENT || id.kind() == Kind.EVENT ? Arch.title : Arch.name;
        Map<String, String> labels = new TreeMap<>();
        for (Node o : s.values(id, property)) {
            if (o.isLiteral()) labels.putIfAbsent(o.getLiteralLanguage(), o.getLiteralLexicalForm());
        }
        return labels;
    }

    private static Optional<LocalDate> date(RecordStore.Snapshot s, RecordId id) {
        Node property = id.kind() == Kind.EVENT ? Arch.date : Arch.issued;
        for (Node o : s.values(id, property)) {
            try {
                if (o.isLiteral()) return Optional.of(LocalDate.parse(o.getLiteralLexicalForm()));
            } catch (DateTimeParseException notADay) {
                // Checked on the way in; a foreign literal is simply undated.
            }
        }
        return Optional.empty();
    }

    /**
     * Where every record linking to {@code id} is listed: the search page's facet for organisations and persons,
     * otherwise the SPARQL query page with the query filled in.
     */
    private String fullList(RecordId id) {
        if (id.kind() == Kind.ORGANISATION || id.kind() == Kind.PERSON) {
            return base + "search?" + id.kind().segment() + "=" + id.key() + "&sort=newest";
        }
        ParameterizedSparqlString q = new ParameterizedSparqlString("""
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT DISTINCT ?record ?label WHERE {
                  ?record ?link ?thing .
                  FILTER(STRSTARTS(STR(?link), ?ns))
                  OPTIONAL { ?record rdfs:label ?label }
                } ORDER BY ?record""");
        q.setIri("thing", uris.iri(id));
        q.setLiteral("ns", Arch.NS);
        return base + "sparql?query=" + URLEncoder.encode(q.toString(), StandardCharsets.UTF_8);
    }
}
