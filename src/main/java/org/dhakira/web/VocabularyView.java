package org.dhakira.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.dhakira.vocab.Arch;
import org.dhakira.vocab.Vocabulary;

/**
 * The vocabulary as the {@code vocab} template shows it: classes, properties (domain, range, super-terms) and the
 * SKOS schemes with their concepts, each in the reader's language first and the other one beside it. Every term
 * carries the HTML id its URI's fragment or last segment names, so that {@code {base}vocab#title} lands on it.
 */
final class VocabularyView {

    private static final Node ONTOLOGY = NodeFactory.createURI("https://w3id.org/dhakira/vocab");
    private static final Node VERSION = OWL.versionInfo.asNode();

    private final Vocabulary vocabulary;
    private final PrefixMapping prefixes;

    VocabularyView(Vocabulary vocabulary, String base) {
        this.vocabulary = vocabulary;
        this.prefixes = Vocabulary.prefixes(base);
    }

    /** The whole reference: every class, property and scheme. */
    Map<String, Object> reference(String ui) {
        Map<String, Object> view = new LinkedHashMap<>();
        Graph o = vocabulary.ontology();
        view.put("title", text(ONTOLOGY, ui).orElse("Dhakira"));
        view.put("description", definitions(ONTOLOGY, ui));
        o.find(ONTOLOGY, VERSION, Node.ANY).forEach(t -> view.put("version", t.getObject().getLiteralLexicalForm()));
        view.put("namespace", Arch.NS);
        view.put("classes", terms(ui, OWL.Class.asNode(), RDFS.subClassOf.asNode()));
        List<Map<String, Object>> properties = new ArrayList<>(terms(ui, OWL.ObjectProperty.asNode(), RDFS.subPropertyOf.asNode()));
        properties.addAll(terms(ui, OWL.DatatypeProperty.asNode(), RDFS.subPropertyOf.asNode()));
        properties.sort(Comparator.comparing(m -> (String) m.get("id")));
        view.put("properties", properties);
        view.put("schemes", schemes().stream().map(s -> scheme(s, ui, true)).toList());
        view.put("reference", true);
        return view;
    }

    /** One scheme's page: its concepts' ids are their last segments ({@code /vocab/reliability#authentic}). */
    Map<String, Object> schemePage(Node scheme, String ui) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("title", text(scheme, ui).orElse(scheme.getURI()));
        view.put("description", definitions(scheme, ui));
        view.put("namespace", scheme.getURI());
        view.put("schemes", List.of(scheme(scheme, ui, false)));
        return view;
    }


    /** The SKOS schemes, in the order of their names. */
    List<Node> schemes() {
        return vocabulary.schemes().find(Node.ANY, RDF.type.asNode(), SKOS.ConceptScheme.asNode())
                .mapWith(Triple::getSubject).filterKeep(Node::isURI).toList().stream()
                .sorted(Comparator.comparing(VocabularyView::schemeName)).toList();
    }

    /** {@code document-type} for {@code https://w3id.org/dhakira/document-type/}: its path in {@code /vocab/}. */
    static String schemeName(Node scheme) {
        String u = scheme.getURI();
        String trimmed = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** The concepts of {@code scheme}, by their notation order. */
    List<Node> concepts(Node scheme) {
        return vocabulary.schemes().find(Node.ANY, SKOS.inScheme.asNode(), scheme).mapWith(Triple::getSubject).toList()
                .stream().sorted(Comparator.comparing(Node::getURI)).toList();
    }

    private Map<String, Object> scheme(Node scheme, String ui, boolean onReference) {
        String name = schemeName(scheme);
        Map<String, Object> v = labelled(scheme, ui);
        // "scheme-" keeps the section apart from the property of the same name (arch:reliability).
        v.put("id", "scheme-" + name);
        v.put("iri", scheme.getURI());
        v.put("href", "/vocab/" + name + (ui.equals("en") ? "?lang=en" : ""));
        List<Map<String, Object>> concepts = new ArrayList<>();
        for (Node c : concepts(scheme)) {
            String slug = c.getURI().substring(scheme.getURI().length());
            Map<String, Object> cv = labelled(c, ui);
            // On the reference page two schemes share one page, so the scheme's name keeps ids apart.
            cv.put("id", onReference ? name + "-" + slug : slug);
            cv.put("iri", c.getURI());
            vocabulary.schemes().find(c, SKOS.notation.asNode(), Node.ANY)
                    .forEach(t -> cv.put("notation", t.getObject().getLiteralLexicalForm()));
            concepts.add(cv);
        }
        v.put("concepts", concepts);
        return v;
    }

    /** The terms declared with {@code type}, with their super-terms along {@code up}, in the order of their names. */
    private List<Map<String, Object>> terms(String ui, Node type, Node up) {
        Graph o = vocabulary.ontology();
        List<Node> declared = o.find(Node.ANY, RDF.type.asNode(), type).mapWith(Triple::getSubject)
                .filterKeep(n -> n.isURI() && n.getURI().startsWith(Arch.NS)).toList();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Node term : declared) {
            Map<String, Object> v = labelled(term, ui);
            v.put("id", term.getURI().substring(Arch.NS.length()));
            v.put("iri", term.getURI());
            v.put("curie", prefixes.shortForm(term.getURI()));
            v.put("kind", type.equals(OWL.ObjectProperty.asNode()) ? "object" : type.equals(OWL.DatatypeProperty.asNode()) ? "datatype" : "class");
            put(v, "supers", "hasSupers", links(o, term, up));
            put(v, "domain", "hasDomain", links(o, term, RDFS.domain.asNode()));
            put(v, "range", "hasRange", links(o, term, RDFS.range.asNode()));
            out.add(v);
        }
        out.sort(Comparator.comparing(m -> (String) m.get("id")));
        return out;
    }

    /** A list and whether it has anything, for a template that titles the list only when it does. */
    private static void put(Map<String, Object> v, String name, String flag, List<Map<String, String>> list) {
        v.put(name, list);
        v.put(flag, !list.isEmpty());
    }

    /** The objects of {@code p}: a link to the term's place here when it is ours, else to its own URI. */
    private List<Map<String, String>> links(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).mapWith(Triple::getObject).filterKeep(Node::isURI).toList().stream()
                .map(n -> Map.of("href", n.getURI().startsWith(Arch.NS) ? "#" + n.getURI().substring(Arch.NS.length()) : n.getURI(),
                        "curie", prefixes.shortForm(n.getURI())))
                .sorted(Comparator.comparing(m -> m.get("curie"))).toList();
    }

    /** Labels and definitions, the reader's language first, each marked with its own language and direction. */
    private Map<String, Object> labelled(Node term, String ui) {
        String other = ui.equals("ar") ? "en" : "ar";
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("label", text(term, ui).orElse(""));
        v.put("labelLang", ui);
        v.put("labelDir", PageFrame.dir(ui));
        text(term, other).ifPresent(t -> v.put("otherLabel", t));
        v.put("otherLang", other);
        v.put("otherDir", PageFrame.dir(other));
        v.put("definitions", definitions(term, ui));
        return v;
    }

    private List<Map<String, String>> definitions(Node term, String ui) {
        List<Map<String, String>> out = new ArrayList<>();
        for (String lang : ui.equals("ar") ? List.of("ar", "en") : List.of("en", "ar")) {
            vocabulary.definition(term, lang).ifPresent(d -> out.add(Map.of("text", d, "lang", lang, "dir", PageFrame.dir(lang))));
        }
        return out;
    }

    private Optional<String> text(Node term, String lang) {
        return vocabulary.label(term, lang);
    }

}
