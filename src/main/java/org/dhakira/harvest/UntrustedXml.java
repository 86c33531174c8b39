package org.dhakira.harvest;

import java.io.ByteArrayInputStream;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A StAX reader for XML from peers. DTDs are not supported and external entities not resolved (no file or URL is
 * ever opened on a response's say), and the entity-expansion limit is kept low besides; the reader of responses
 * also refuses any DOCTYPE outright, as OAI-PMH responses have none. The JDK's own parser is used, not whichever
 * one the classpath offers, so that these settings mean what they say.
 */
public final class UntrustedXml {
    private UntrustedXml() {}

    static final int ENTITY_EXPANSION_LIMIT = 100;

    private static final XMLInputFactory FACTORY = factory();

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty("jdk.xml.entityExpansionLimit", String.valueOf(ENTITY_EXPANSION_LIMIT));
        f.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        return f;
    }

    /** White space before the XML declaration (a stray newline from a PHP include, often) is skipped, not fatal. */
    public static XMLStreamReader reader(byte[] xml) throws XMLStreamException {
        int start = 0;
        while (start < xml.length && (xml[start] == ' ' || xml[start] == '\n' || xml[start] == '\r' || xml[start] == '\t')) start++;
        return FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml, start, xml.length - start));
    }
}
