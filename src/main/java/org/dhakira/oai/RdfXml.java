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
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefixes(Vocabulary.prefixes(base));
        // Jena's RDF/XML writer refuses characters XML cannot carry; a record stored before they were refused
        // at ingest gets U+FFFD in their place, as the rest of the response does.
        record.graph().find().forEachRemaining(t -> g.add(t.getSubject(), t.getPredicate(), writable(t.getObject())));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        RDFWriter.source(g).format(RDFFormat.RDFXML_PLAIN).output(bytes);
        String text = bytes.toString(StandardCharsets.UTF_8);
        // The RDF/XML writer may begin with an XML declaration, which cannot stand inside another document.
        if (text.startsWith("<?xml")) text = text.substring(text.indexOf("?>") + 2);
        xml.raw(text.strip());
    }
}
