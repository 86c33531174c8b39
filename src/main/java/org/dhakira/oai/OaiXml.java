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
        text(text);
        xml.writeEndElement();
    }

    /** An element with an {@code xml:lang}, when the value has a language. */
    void element(String prefix, String namespace, String name, String text, String lang) throws XMLStreamException {
        xml.writeStartElement(prefix, name, namespace);
        if (lang != null && !lang.isEmpty()) xml.writeAttribute("xml", XML, "lang", lang);
        text(text);
        xml.writeEndElement();
    }

    /**
     * Text content. StAX escapes markup but writes any character it is given, and XML 1.0 cannot carry some
     * (C0 controls): a record stored before they were refused, a label, a configured name would break the whole
     * response, so each such character becomes U+FFFD.
     */
    void text(String text) throws XMLStreamException {
        XmlText.write(xml, writable(text));
    }


    void attribute(String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, writable(value));
    }

    /** Writes {@code fragment}, well-formed XML without a declaration, as the next child of the open element. */
    void raw(String fragment) throws XMLStreamException, IOException {
        xml.writeCharacters(""); // closes the open start tag
        xml.flush();
        out.write(writable(fragment));
    }

    /** {@code s} with U+FFFD for each character XML cannot carry; {@code s} itself, unchanged, nearly always. */
    static String writable(String s) {
        int i = 0;
        while (i < s.length()) {
            int c = s.codePointAt(i);
            if (OaiRequest.unwritableInXml(c)) break;
            i += Character.charCount(c);
        }
        if (i == s.length()) return s; // a loop, not a stream: this runs for every value of every record
        StringBuilder b = new StringBuilder(s.length()).append(s, 0, i);
        s.codePoints().skip(s.codePointCount(0, i)).forEach(c -> b.appendCodePoint(OaiRequest.unwritableInXml(c) ? 0xFFFD : c));
        return b.toString();
    }

    void flush() throws XMLStreamException {
        xml.flush();
    }
}
