package org.dhakira.crawl;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.dhakira.index.Listing;
import org.dhakira.store.RecordStore;
import org.dhakira.vocab.Arch;
import org.dhakira.vocab.Kind;

/**
 * What VoID says of the archive beyond where its endpoint is: how many statements its record graphs hold
 * (tombstones included, as in the dump), how many things it describes (live records) and of which classes, a few
 * example records, the license, and the dump with its size and date. The counts walk every statement, so they
 * are computed once per store change, when first asked for, and kept.
 *
 * <pre>{@code Graph g = new VoidDescription(store, listing, dumps, license).graph(); // statements about {base}}</pre>
 */
public final class VoidDescription {

    static final String VOID = "http://rdfs.org/ns/void#";
    static final String DCTERMS = "http://purl.org/dc/terms/";
    static final String DCAT = "http://www.w3.org/ns/dcat#";
    private static final int EXAMPLES = 3;

    private final RecordStore store;
    private final Listing listing;
    private final DumpWriter dumps;
    private final String license;
    private volatile Counts counts;

    /**
     * The counts at one store change: statements in the record graphs, live records by kind, tombstones, and the
     * classes the records are declared to be of.
     */
    public record Counts(long sequence, long triples, Map<Kind, Long> entities, long tombstones, Set<Node> classes) {
        public long entitiesTotal() {
            return entities.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public VoidDescription(RecordStore store, Listing listing, DumpWriter dumps, String license) {
        this.store = store;
        this.listing = listing;
        this.dumps = dumps;
        this.license = license;
    }

    /** The counts for the store's last change, walking the store if that change has not been counted yet. */
    public Counts counts() {
        long sequence = store.position().sequence();
        Counts c = counts;
        if (c != null && c.sequence() == sequence) return c;
        synchronized (this) {
            c = counts;
            if (c != null && c.sequence() == sequence) return c;
            c = count();
            counts = c;
            return c;
        }
    }

    /** One pass over the store's quad index (see {@link RecordStore#census()}), read as VoID's counts. */
    private Counts count() {
        RecordStore.Census census = store.census();
        Map<Kind, Long> entities = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            long n = census.recordsByType().getOrDefault(k.type(), 0L);
            if (n > 0) entities.put(k, n);
        }
        return new Counts(census.sequence(), census.statements(), Map.copyOf(entities),
                census.recordsByType().getOrDefault(Arch.Tombstone, 0L), census.classes());
    }

    /** The statements about the dataset {@code {base}} this class adds to its VoID description. */
    public Graph graph() {
        Counts c = counts();
        String base = store.base();
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefix("void", VOID).setNsPrefix("dcterms", DCTERMS).setNsPrefix("dcat", DCAT)
                .setNsPrefix("xsd", XSDDatatype.XSD + "#").setNsPrefix("arch", Arch.NS);
        Node dataset = uri(base);
        add(g, dataset, RDF.type.asNode(), uri(DCAT + "Dataset"));
        add(g, dataset, uri(VOID + "triples"), integer(c.triples()));
        add(g, dataset, uri(VOID + "entities"), integer(c.entitiesTotal()));
        add(g, dataset, uri(VOID + "classes"), integer(c.classes().size()));
        for (Kind k : Kind.values()) {
            long n = c.entities().getOrDefault(k, 0L);
            if (n == 0) continue;
            // Hash URIs in the VoID document itself, so each partition resolves to where it is described.
            Node partition = uri(base + ".well-known/void#" + k.segment());
            add(g, dataset, uri(VOID + "classPartition"), partition);
            add(g, partition, uri(VOID + "class"), k.type());
            add(g, partition, uri(VOID + "entities"), integer(n));
        }
        if (c.tombstones() > 0) {
            Node partition = uri(base + ".well-known/void#tombstone");
            add(g, dataset, uri(VOID + "classPartition"), partition);
            add(g, partition, uri(VOID + "class"), Arch.Tombstone);
            add(g, partition, uri(VOID + "entities"), integer(c.tombstones()));
        }
        listing.page(Optional.empty(), Optional.empty(), Optional.empty(), 0, 10 * EXAMPLES).entries().stream()
                .filter(e -> !e.deleted()).limit(EXAMPLES)
                .forEach(e -> add(g, dataset, uri(VOID + "exampleResource"), uri(store.uris().iri(e.id()))));
        add(g, dataset, uri(DCTERMS + "license"), uri(license));
        store.position().datestamp().ifPresent(d -> add(g, dataset, uri(DCTERMS + "modified"), dateTime(d)));
        dump(g, dataset, base);
        return g;
    }

    /** The dump: always named (it is 503 only until the first is written), described once it exists. */
    private void dump(Graph g, Node dataset, String base) {
        Node file = uri(base + "dumps/dhakira.nq.gz");
        add(g, dataset, uri(VOID + "dataDump"), file);
        add(g, dataset, uri(VOID + "feature"), uri("http://www.w3.org/ns/formats/N-Quads"));
        add(g, dataset, uri(DCAT + "distribution"), file);
        add(g, file, RDF.type.asNode(), uri(DCAT + "Distribution"));
        add(g, file, uri(DCAT + "downloadURL"), file);
        add(g, file, uri(DCAT + "mediaType"), uri("https://www.iana.org/assignments/media-types/application/n-quads"));
        add(g, file, uri(DCAT + "compressFormat"), uri("https://www.iana.org/assignments/media-types/application/gzip"));
        add(g, file, uri(DCTERMS + "license"), uri(license));
        add(g, file, uri(DCTERMS + "description"), NodeFactory.createLiteralLang(
                "Every record graph, tombstones included, as gzipped N-Quads. Refreshed, not streamed: the archive "
                        + "rewrites it " + dumps.delay().toSeconds() + " s after a change, and on start when it is missing or stale.", "en"));
        dumps.current().ifPresent(d -> {
            add(g, file, uri(DCAT + "byteSize"), NodeFactory.createLiteralDT(Long.toString(d.size()), XSDDatatype.XSDnonNegativeInteger));
            add(g, file, uri(DCTERMS + "modified"), dateTime(d.modified().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        });
    }

    private static Node uri(String s) {
        return NodeFactory.createURI(s);
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    private static Node dateTime(java.time.Instant t) {
        return NodeFactory.createLiteralDT(t.toString(), XSDDatatype.XSDdateTime);
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(Triple.create(s, p, o));
    }
}
