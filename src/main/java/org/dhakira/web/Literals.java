package org.dhakira.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

/**
 * What a record's own graph says about {@code self}, read as the pages need it: text by language tag, or the
 * first value. Only statements whose subject is the record are read, so the labels a description adds for
 * linked things never leak into the record's own text.
 */
record Literals(Graph graph, Node self) {

    /** Language tag → the values in that language, in a stable order (Arabic, English, then the rest). */
    Map<String, List<String>> byLanguage(Node property) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put("ar", new ArrayList<>());
        out.put("en", new ArrayList<>());
        for (Node o : values(property)) {
            if (o.isLiteral()) out.computeIfAbsent(o.getLiteralLanguage(), l -> new ArrayList<>()).add(o.getLiteralLexicalForm());
        }
        out.values().removeIf(List::isEmpty);
        out.values().forEach(l -> l.sort(null));
        return out;
    }

    /** The first value in {@code lang}, if any. */
    Optional<String> in(Node property, String lang) {
        return Optional.ofNullable(byLanguage(property).get(lang)).map(l -> l.get(0));
    }

    /** One value as text: a literal's lexical form, or an IRI (a source URL is one). */
    Optional<String> first(Node property) {
        return values(property).stream().filter(n -> n.isLiteral() || n.isURI())
                .map(n -> n.isLiteral() ? n.getLiteralLexicalForm() : n.getURI()).sorted().findFirst();
    }

    /** The IRIs the property points at. */
    List<String> iris(Node property) {
        return values(property).stream().filter(Node::isURI).map(Node::getURI).sorted().toList();
    }

    private List<Node> values(Node property) {
        return graph.find(self, property, Node.ANY).mapWith(t -> t.getObject()).toList();
    }
}
