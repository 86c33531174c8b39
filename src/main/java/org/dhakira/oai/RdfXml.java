package org.dhakira.oai;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLStreamException;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.graph.GraphFactory;
import org.dhakira.store.StoredRecord;
import org.dhakira.vocab.Vocabulary;

/**
 * The {@code rdf} format: the record's named graph, complete (super-terms included), as RDF/XML. What a peer
 * Dhakira harvests to hold a lossless copy; the schema is a small one served at {@code /oai/rdf.xsd} that
 * admits any RDF/XML, as no official schema for RDF/XML exists.
 */
final class RdfXml implements MetadataFormat {

    static final String NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    private final String base;

    RdfXml(String base) {
        this.base = base;
    }

    private static Node writable(Node o) {
        if (!o.isLiteral()) return o;
        String text = OaiXml.writable(o.getLiteralLexicalForm());
        if (text.equals(o.getLiteralLexicalForm())) return o;
        return o.getLiteralLanguage().isEmpty() ? NodeFactory.createLiteralDT(text, o.getLiteralDatatype())
                : NodeFactory.createLiteralLang(text, o.getLiteralLanguage());
    }

    @Override
    public String prefix() {
        return "rdf";
    }

    @Override
    public String schema() {
        return base + "oai/rdf.xsd";
    }

    @Override
    public String namespace() {
        return NS;
    }

    @Override
    public void write(OaiXml xml, StoredRecord record, LinkedNames names) throws XMLStreamException, IOException {
        Graph g = record.graph();
        java.util.Optional<java.util.Map<String, String>> prefixes = namespaces(g);
        if (prefixes.isPresent()) {
            stream(xml, g, prefixes.get());
        } else {
            jena(xml, g);
        }
    }

    /**
     * Writes the graph straight into the response, one {@code rdf:Description} per subject: what Jena's writer
     * makes, without its copy of the graph, its text and our re-reading of it (a third of a page's time).
     */
    private static void stream(OaiXml xml, Graph g, java.util.Map<String, String> prefixes) throws XMLStreamException {
        javax.xml.stream.XMLStreamWriter w = xml.stax();
        w.writeStartElement("rdf", "RDF", NS);
        w.writeNamespace("rdf", NS);
        for (java.util.Map.Entry<String, String> p : prefixes.entrySet()) w.writeNamespace(p.getValue(), p.getKey());
        java.util.Map<Node, java.util.List<org.apache.jena.graph.Triple>> bySubject = new java.util.LinkedHashMap<>();
        g.find().forEachRemaining(t -> bySubject.computeIfAbsent(t.getSubject(), k -> new java.util.ArrayList<>()).add(t));
        for (java.util.Map.Entry<Node, java.util.List<org.apache.jena.graph.Triple>> e : bySubject.entrySet()) {
            w.writeStartElement("rdf", "Description", NS);
            w.writeAttribute("rdf", NS, "about", OaiXml.writable(e.getKey().getURI()));
            for (org.apache.jena.graph.Triple t : e.getValue()) {
                String p = t.getPredicate().getURI();
                int cut = split(p);
                String ns = p.substring(0, cut);
                Node o = t.getObject();
                if (o.isURI()) {
                    w.writeEmptyElement(prefixes.get(ns), p.substring(cut), ns);
                    w.writeAttribute("rdf", NS, "resource", OaiXml.writable(o.getURI()));
                    continue;
                }
                w.writeStartElement(prefixes.get(ns), p.substring(cut), ns);
                if (!o.getLiteralLanguage().isEmpty()) {
                    w.writeAttribute("xml", OaiXml.XML, "lang", o.getLiteralLanguage());
                } else if (!org.apache.jena.datatypes.xsd.XSDDatatype.XSDstring.getURI().equals(o.getLiteralDatatypeURI())) {
                    w.writeAttribute("rdf", NS, "datatype", o.getLiteralDatatypeURI());
                }
                xml.text(o.getLiteralLexicalForm());
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    /**
     * A prefix for each predicate's namespace, if every subject is a URI, every object a URI or a literal, and every
     * predicate ends in a name XML can take as a local name; otherwise the graph is for Jena's writer.
     */
    private static java.util.Optional<java.util.Map<String, String>> namespaces(Graph g) {
        java.util.Map<String, String> prefixes = new java.util.LinkedHashMap<>();
        for (var it = g.find(); it.hasNext(); ) {
            org.apache.jena.graph.Triple t = it.next();
            if (!t.getSubject().isURI() || t.getObject().isBlank() || t.getObject().isTripleTerm()) return java.util.Optional.empty();
            if (t.getObject().isLiteral() && t.getObject().getLiteralBaseDirection() != null) return java.util.Optional.empty();
            String p = t.getPredicate().getURI();
            int cut = split(p);
            if (cut < 0) return java.util.Optional.empty();
            String ns = p.substring(0, cut);
            // Namespaces XML reserves cannot be given a prefix; RDF/XML's own names (rdf:about, rdf:li…) are syntax there.
            if (ns.equals("http://www.w3.org/2000/xmlns/") || ns.equals(OaiXml.XML)) return java.util.Optional.empty();
            if (ns.equals(NS) && !PLAIN_RDF_PROPERTIES.contains(p.substring(cut))) return java.util.Optional.empty();
            prefixes.computeIfAbsent(ns, n -> "p" + prefixes.size());
        }
        return java.util.Optional.of(prefixes);
    }

    /** The rdf: properties RDF/XML writes as plain property elements; the others are its syntax. */
    private static final java.util.Set<String> PLAIN_RDF_PROPERTIES = java.util.Set.of("type", "value", "first", "rest", "subject",
            "predicate", "object");

    /** Where the local name starts: after the last '#' or '/', if what follows is an XML name; else -1. */
    private static int split(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1;
        if (cut <= 0 || cut >= iri.length()) return -1;
        if (!Character.isLetter(iri.charAt(cut)) && iri.charAt(cut) != '_') return -1;
        for (int i = cut; i < iri.length(); i++) {
            char c = iri.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.') || c > 0x7f) return -1;
        }
        return cut;
    }

    private void jena(OaiXml xml, Graph record) throws XMLStreamException, IOException {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefixes(Vocabulary.prefixes(base));
        // Jena's RDF/XML writer refuses characters XML cannot carry; a record stored before they were refused
        // at ingest gets U+FFFD in their place, as the rest of the response does.
        record.find().forEachRemaining(t -> g.add(t.getSubject(), t.getPredicate(), writable(t.getObject())));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        RDFWriter.source(g).format(RDFFormat.RDFXML_PLAIN).output(bytes);
        String text = bytes.toString(StandardCharsets.UTF_8);
        // The RDF/XML writer may begin with an XML declaration, which cannot stand inside another document.
        if (text.startsWith("<?xml")) text = text.substring(text.indexOf("?>") + 2);
        xml.raw(text.strip());
    }
}
