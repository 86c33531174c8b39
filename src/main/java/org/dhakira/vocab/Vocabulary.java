package org.dhakira.vocab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * The archive vocabulary as loaded from {@code vocab/}: the ontology, the SKOS schemes, the SHACL shapes and
 * the JSON-LD context, plus what is derived from them once (the super-terms every write spells out).
 *
 * <pre>{@code Vocabulary v = Vocabulary.load(DataFiles.builtIn());
 * Set<Node> supers = v.superProperties(Arch.title); // dcterms:title, rdfs:label, schema:name}</pre>
 */
public final class Vocabulary {

    static final List<String> ONTOLOGY_FILES = List.of("vocab/ontology.ttl");
    static final List<String> SCHEME_FILES = List.of("vocab/document-types.ttl", "vocab/reliability.ttl");

    private final Graph ontology;
    private final Graph schemes;
    private final Shapes shapes;
    private final JsonLdContext context;
    private final Map<Node, Set<Node>> superProperties;
    private final Map<Node, Set<Node>> superClasses;
    private final Map<Kind, Set<Node>> fields;
    private final Map<Node, Set<Node>> allowedValues = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Node, Set<Kind>> kindsFor = new java.util.concurrent.ConcurrentHashMap<>();

    private Vocabulary(Graph ontology, Graph schemes, Graph shapeGraph, JsonLdContext context) {
        this.ontology = ontology;
        this.schemes = schemes;
        this.shapes = Shapes.parse(shapeGraph);
        this.context = context;
        this.fields = fieldsByKind(shapeGraph);
        Graph both = GraphFactory.createDefaultGraph();
        ontology.find().forEach(both::add);
        schemes.find().forEach(both::add);
        this.superProperties = closure(both, RDFS.subPropertyOf.asNode());
        this.superClasses = closure(both, RDFS.subClassOf.asNode());
    }

    public static Vocabulary load(DataFiles files) {
        Graph ontology = GraphFactory.createDefaultGraph();
        ONTOLOGY_FILES.forEach(f -> parseInto(files, f, ontology));
        Graph schemes = GraphFactory.createDefaultGraph();
        SCHEME_FILES.forEach(f -> parseInto(files, f, schemes));
        Graph shapeGraph = GraphFactory.createDefaultGraph();
        parseInto(files, "vocab/shapes.ttl", shapeGraph);
        JsonLdContext context;
        try (InputStream in = files.open("vocab/context.jsonld")) {
            context = JsonLdContext.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Vocabulary(ontology, schemes, shapeGraph, context);
    }

    private static void parseInto(DataFiles files, String name, Graph into) {
        try (InputStream in = files.open(name)) {
            RDFParser.source(in).lang(Lang.TURTLE).base(Arch.NS).parse(into);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }

    /** The properties each kind's shape names: what a record of that kind may say. */
    private static Map<Kind, Set<Node>> fieldsByKind(Graph shapes) {
        Node targetClass = NodeFactory.createURI("http://www.w3.org/ns/shacl#targetClass");
        Node property = NodeFactory.createURI("http://www.w3.org/ns/shacl#property");
        Node path = NodeFactory.createURI("http://www.w3.org/ns/shacl#path");
        Map<Kind, Set<Node>> out = new java.util.EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            Set<Node> props = new LinkedHashSet<>();
            shapes.find(Node.ANY, targetClass, k.type()).forEach(shape ->
                    shapes.find(shape.getSubject(), property, Node.ANY).forEach(ps ->
                            shapes.find(ps.getObject(), path, Node.ANY).forEach(t -> props.add(t.getObject()))));
            out.put(k, Set.copyOf(props));
        }
        return out;
    }

    /** The archive's properties a record of {@code kind} may have, as its shape in {@code vocab/shapes.ttl} lists them. */
    public Set<Node> fieldsOf(Kind kind) {
        return fields.get(kind);
    }

    /** Transitive super-terms along {@code link}, for every subject that has one. */
    private static Map<Node, Set<Node>> closure(Graph g, Node link) {
        Map<Node, Set<Node>> direct = new HashMap<>();
        g.find(Node.ANY, link, Node.ANY).forEach(t -> {
            if (t.getObject().isURI()) direct.computeIfAbsent(t.getSubject(), k -> new LinkedHashSet<>()).add(t.getObject());
        });
        Map<Node, Set<Node>> result = new HashMap<>();
        for (Node term : direct.keySet()) {
            Set<Node> all = new LinkedHashSet<>();
            Deque<Node> todo = new ArrayDeque<>(direct.get(term));
            while (!todo.isEmpty()) {
                Node n = todo.pop();
                if (!n.equals(term) && all.add(n)) todo.addAll(direct.getOrDefault(n, Set.of()));
            }
            result.put(term, Set.copyOf(all));
        }
        return Map.copyOf(result);
    }

    /** The standard super-properties of {@code property} (RiC-O, Dublin Core, schema.org, SKOS, PROV). */
    public Set<Node> superProperties(Node property) {
        return superProperties.getOrDefault(property, Set.of());
    }

    public Set<Node> superClasses(Node type) {
        return superClasses.getOrDefault(type, Set.of());
    }

    /**
     * The record with every super-term written out (invariant 5: crawlers and aggregators do not reason).
     * Adds to {@code record} in place and returns it.
     */
    public Graph withSuperTerms(Graph record) {
        List<Triple> stated = record.find().toList();
        for (Triple t : stated) {
            for (Node sp : superProperties(t.getPredicate())) record.add(Triple.create(t.getSubject(), sp, t.getObject()));
            if (t.getPredicate().equals(RDF.type.asNode())) {
                for (Node sc : superClasses(t.getObject())) record.add(Triple.create(t.getSubject(), RDF.type.asNode(), sc));
            }
        }
        return record;
    }

    /**
     * The scheme terms a property may take, found through its range: {@code documentType} has range
     * {@code arch:DocumentType}, whose members are the document types.
     */
    public Set<Node> allowedValues(Node property) {
        return allowedValues.computeIfAbsent(property, p -> {
            Set<Node> values = new LinkedHashSet<>();
            ontology.find(p, RDFS.range.asNode(), Node.ANY).forEach(r ->
                    schemes.find(Node.ANY, RDF.type.asNode(), r.getObject()).forEach(t -> values.add(t.getSubject())));
            return Set.copyOf(values);
        });
    }

    /**
     * The kinds of record a linking property may point to, from its range: {@code relatedPerson} (range
     * arch:Person) to persons, {@code issuer} (range prov:Agent) to organisations and persons. Empty when the
     * property's range is not a kind of record.
     */
    public Set<Kind> kindsFor(Node property) {
        return kindsFor.computeIfAbsent(property, p -> {
            Set<Kind> kinds = java.util.EnumSet.noneOf(Kind.class);
            ontology.find(p, RDFS.range.asNode(), Node.ANY).forEach(r -> {
                for (Kind k : Kind.values()) {
                    if (k.type().equals(r.getObject()) || superClasses(k.type()).contains(r.getObject())) kinds.add(k);
                }
            });
            return java.util.Collections.unmodifiableSet(kinds);
        });
    }

    /** The short names of {@link #allowedValues}, for messages: "authentic, not-authentic, …". */
    public String allowedValueNames(Node property) {
        Set<Node> values = allowedValues(property);
        return context.termNames().entrySet().stream()
                .filter(e -> values.contains(NodeFactory.createURI(e.getValue())))
                .map(Map.Entry::getKey).collect(java.util.stream.Collectors.joining(", "));
    }

    /** Whether the ontology or a scheme defines {@code term} (declares it with a type). */
    public boolean defines(Node term) {
        return ontology.contains(term, RDF.type.asNode(), Node.ANY) || schemes.contains(term, RDF.type.asNode(), Node.ANY);
    }

    /** The preferred label of a concept or term in {@code lang}, if it has one. */
    public Optional<String> label(Node term, String lang) {
        return text(term, lang, SKOS.prefLabel.asNode(), RDFS.label.asNode());
    }

    /** What a concept or term means, in {@code lang}: its skos:definition or rdfs:comment. */
    public Optional<String> definition(Node term, String lang) {
        return text(term, lang, SKOS.definition.asNode(), RDFS.comment.asNode());
    }

    /** The first of {@code properties} the schemes, then the ontology, give {@code term} in {@code lang}. */
    private Optional<String> text(Node term, String lang, Node... properties) {
        for (Graph g : List.of(schemes, ontology)) {
            for (Node p : properties) {
                Optional<String> found = g.find(term, p, Node.ANY).toList().stream()
                        .map(Triple::getObject)
                        .filter(o -> o.isLiteral() && lang.equals(o.getLiteralLanguage()))
                        .map(Node::getLiteralLexicalForm).findFirst();
                if (found.isPresent()) return found;
            }
        }
        return Optional.empty();
    }

    /** The prefixes RDF output uses, with {@code base} for this archive's things. A fresh, locked mapping. */
    public static org.apache.jena.shared.PrefixMapping prefixes(String base) {
        return org.apache.jena.shared.PrefixMapping.Factory.create()
                .setNsPrefix("arch", Arch.NS)
                .setNsPrefix("dt", Arch.DOCUMENT_TYPE_NS)
                .setNsPrefix("rel", Arch.RELIABILITY_NS)
                .setNsPrefix("rdf", RDF.getURI())
                .setNsPrefix("rdfs", RDFS.getURI())
                .setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#")
                .setNsPrefix("dcterms", "http://purl.org/dc/terms/")
                .setNsPrefix("schema", "https://schema.org/")
                .setNsPrefix("rico", "https://www.ica.org/standards/RiC/ontology#")
                .setNsPrefix("skos", SKOS.getURI())
                .setNsPrefix("prov", "http://www.w3.org/ns/prov#")
                .setNsPrefix("document", base + "id/document/")
                .setNsPrefix("organisation", base + "id/organisation/")
                .setNsPrefix("person", base + "id/person/")
                .setNsPrefix("event", base + "id/event/")
                .setNsPrefix("place", base + "id/place/")
                .lock();
    }

    public Graph ontology() {
        return ontology;
    }

    /** The document-type and reliability-grade schemes. */
    public Graph schemes() {
        return schemes;
    }

    public Shapes shapes() {
        return shapes;
    }

    public JsonLdContext context() {
        return context;
    }

    /** A term in the document-type scheme, by its short name ({@code press-statement}). */
    public static Node documentType(String slug) {
        return NodeFactory.createURI(Arch.DOCUMENT_TYPE_NS + slug);
    }

    public static Node reliability(String slug) {
        return NodeFactory.createURI(Arch.RELIABILITY_NS + slug);
    }
}
