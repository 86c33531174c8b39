package org.dhakira.oai;

import java.io.IOException;
import java.io.Writer;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The streaming XML writer of a response: StAX for what we write element by element, and a way to put a
 * finished XML fragment (a record's RDF/XML, made by Jena) in place without parsing it again.
 */
final class OaiXml {

    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String XML = "http://www.w3.org/XML/1998/namespace";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final Writer out;
    private final XMLStreamWriter xml;

    OaiXml(Writer out) throws XMLStreamException {
        this.out = out;
        this.xml = FACTORY.createXMLStreamWriter(out);
    }

    XMLStreamWriter stax() {
        return xml;
    }

    /** {@code <name>text</name>} in the current default namespace. */
    void element(String namespace, String name, String text) throws XMLStreamException {
        xml.writeStartElement(namespace, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    /** An element with an {@code xml:lang}, when the value has a language. */
    void element(String prefix, String namespace, String name, String text, String lang) throws XMLStreamException {
        xml.writeStartElement(prefix, name, namespace);
        if (lang != null && !lang.isEmpty()) xml.writeAttribute("xml", XML, "lang", lang);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    /** Writes {@code fragment}, well-formed XML without a declaration, as the next child of the open element. */
    void raw(String fragment) throws XMLStreamException, IOException {
        xml.writeCharacters(""); // closes the open start tag
        xml.flush();
        out.write(fragment);
    }

    void flush() throws XMLStreamException {
        xml.flush();
    }
}
