package org.dhakira.oai;

import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.dhakira.store.StoredRecord;
import org.dhakira.vocab.Arch;
import org.dhakira.vocab.Kind;
import org.dhakira.vocab.Vocabulary;

/**
 * The crosswalk to simple Dublin Core ({@code oai_dc}), documented in the README (OAI-PMH). Text goes out in
 * every language the record has it in, each with {@code xml:lang}; names of linked records in every language
 * they have; values without a language (dates, URIs, codes, language codes) without one. The reliability grade
 * is a {@code dc:description} beginning «درجة الموثوقية:» / "Reliability grade:", the archive code a
 * {@code dc:identifier} beside the record's URI.
 */
final class OaiDc implements MetadataFormat {

    static final String NS = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    static final String DC = "http://purl.org/dc/elements/1.1/";

    private final Vocabulary vocabulary;
    private final Repository repository;
    private final org.dhakira.store.UriSpace uris;

    OaiDc(Vocabulary vocabulary, Repository repository, org.dhakira.store.UriSpace uris) {
        this.vocabulary = vocabulary;
        this.repository = repository;
        this.uris = uris;
    }

    /** What the crosswalk reads: the record's own fields, not its body nor the super-terms' copies. */
    private static final java.util.Set<Node> READS = java.util.Set.of(Arch.title, Arch.name, Arch.issuer, Arch.relatedOrganisation,
            Arch.relatedPerson, Arch.relatedEvent, Arch.relatedPlace, Arch.relatedDocument, Arch.targetCountry, Arch.summary,
            Arch.reliability, Arch.issued, Arch.date, Arch.documentType, Arch.archiveCode, Arch.sourceUrl, Arch.originalLanguage);

    @Override
    public java.util.Optional<java.util.Set<Node>> properties() {
        return java.util.Optional.of(READS);
    }

    @Override
    public String prefix() {
        return "oai_dc";
    }

    @Override
    public String schema() {
        return "http://www.openarchives.org/OAI/2.0/oai_dc.xsd";
    }

    @Override
    public String namespace() {
        return NS;
    }

    @Override
    public void write(OaiXml xml, StoredRecord record, LinkedNames names) throws XMLStreamException {
        XMLStreamWriter w = xml.stax();
        Node s = NodeFactory.createURI(uris.iri(record.id()));
        Statements g = new Statements(record.graph(), s);
        w.writeStartElement("oai_dc", "dc", NS);
        w.writeNamespace("oai_dc", NS);
        w.writeNamespace("dc", DC);
        w.writeNamespace("xsi", OaiXml.XSI);
        w.writeAttribute("xsi", OaiXml.XSI, "schemaLocation", NS + " " + schema());

        texts(xml, "title", g, Arch.title);
        texts(xml, "title", g, Arch.name);
        linkedNames(xml, "creator", g, names, Arch.issuer);
        linkedNames(xml, "subject", g, names, Arch.relatedOrganisation, Arch.relatedPerson, Arch.relatedEvent);
        texts(xml, "description", g, Arch.summary);
        for (Node grade : g.of(Arch.reliability)) {
            labelled(xml, "description", grade, Map.of("ar", "درجة الموثوقية: ", "en", "Reliability grade: "));
        }
        dc(xml, "publisher", repository.name(), null);
        for (Node p : new Node[] {Arch.issued, Arch.date}) {
            for (Node d : g.of(p)) dc(xml, "date", d.getLiteralLexicalForm(), null);
        }
        if (record.id().kind() == Kind.DOCUMENT) {
            dc(xml, "type", "Text", null); // DCMI Type Vocabulary
            for (Node type : g.of(Arch.documentType)) labelled(xml, "type", type, Map.of("ar", "", "en", ""));
        } else {
            labelled(xml, "type", record.id().kind().type(), Map.of("ar", "", "en", ""));
        }
        dc(xml, "identifier", s.getURI(), null);
        for (Node code : g.of(Arch.archiveCode)) dc(xml, "identifier", code.getLiteralLexicalForm(), null);
        for (Node url : g.of(Arch.sourceUrl)) dc(xml, "source", url.isURI() ? url.getURI() : url.getLiteralLexicalForm(), null);
        for (Node lang : g.of(Arch.originalLanguage)) dc(xml, "language", lang.getLiteralLexicalForm(), null);
        java.util.Set<String> related = new java.util.TreeSet<>();
        for (Node p : new Node[] {Arch.issuer, Arch.relatedDocument, Arch.relatedOrganisation, Arch.relatedPerson,
                Arch.relatedEvent, Arch.relatedPlace, Arch.targetCountry}) {
            for (Node o : g.of(p)) if (o.isURI()) related.add(o.getURI());
        }
        for (String uri : related) dc(xml, "relation", uri, null);
        linkedNames(xml, "coverage", g, names, Arch.targetCountry, Arch.relatedPlace);
        dc(xml, "rights", repository.license(), null);
        w.writeEndElement();
    }

    private static void dc(OaiXml xml, String element, String value, String lang) throws XMLStreamException {
        xml.element("dc", DC, element, value, lang);
    }

    /**
     * The record subject's values by property, read in one pass over its graph, each list in a fixed order (by
     * language, then text or URI): a graph's own order changes from one write to the next.
     */
    private static final class Statements {
        private static final java.util.Comparator<Node> ORDER = java.util.Comparator
                .comparing((Node n) -> n.isLiteral() ? n.getLiteralLanguage() : "")
                .thenComparing(n -> n.isLiteral() ? n.getLiteralLexicalForm() : n.toString());

        private final Map<Node, List<Node>> values = new java.util.HashMap<>();

        Statements(Graph graph, Node subject) {
            graph.find(subject, Node.ANY, Node.ANY).forEachRemaining(t ->
                    values.computeIfAbsent(t.getPredicate(), p -> new java.util.ArrayList<>()).add(t.getObject()));
            values.values().forEach(list -> list.sort(ORDER));
        }

        List<Node> of(Node property) {
            return values.getOrDefault(property, List.of());
        }
    }

    private static void texts(OaiXml xml, String element, Statements g, Node p) throws XMLStreamException {
        for (Node o : g.of(p)) {
            if (o.isLiteral()) dc(xml, element, o.getLiteralLexicalForm(), o.getLiteralLanguage());
        }
    }

    private static void linkedNames(OaiXml xml, String element, Statements g, LinkedNames names, Node... properties)
            throws XMLStreamException {
        java.util.Set<Node> done = new java.util.HashSet<>();
        for (Node p : properties) {
            for (Node o : g.of(p)) {
                if (!done.add(o)) continue;
                for (Map.Entry<String, String> name : names.of(o).entrySet()) dc(xml, element, name.getValue(), name.getKey());
            }
        }
    }

    /** A vocabulary term's label in Arabic and English, after a fixed lead-in per language. */
    private void labelled(OaiXml xml, String element, Node term, Map<String, String> leadIn) throws XMLStreamException {
        for (String lang : List.of("ar", "en")) {
            String label = labels.computeIfAbsent(term, t -> Map.of(
                    "ar", vocabulary.label(t, "ar").orElse(""), "en", vocabulary.label(t, "en").orElse(""))).get(lang);
            if (!label.isEmpty()) dc(xml, element, leadIn.get(lang) + label, lang);
        }
    }

    /** Labels of types, grades and kinds: a few dozen terms, asked for on every record; the vocabulary never changes. */
    private final Map<Node, Map<String, String>> labels = new java.util.concurrent.ConcurrentHashMap<>();
}
