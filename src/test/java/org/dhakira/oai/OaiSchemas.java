package org.dhakira.oai;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The official OAI-PMH schemas (with oai_dc, oai-identifier, friends, provenance), and the archive's own
 * schema of the {@code rdf} format, read from the test classpath: responses are validated offline.
 */
public final class OaiSchemas {
    private OaiSchemas() {}

    private static final Schema SCHEMA = load();

    private static Schema load() {
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            URL oai = Objects.requireNonNull(OaiSchemas.class.getResource("/oai/xsd/OAI-PMH.xsd"));
            URL rdf = Objects.requireNonNull(OaiSchemas.class.getResource("/server/oai/rdf.xsd"));
            return f.newSchema(new Source[] {new StreamSource(oai.toExternalForm()), new StreamSource(rdf.toExternalForm())});
        } catch (SAXException e) {
            throw new IllegalStateException("the OAI-PMH schemas do not load", e);
        }
    }

    /** Fails with the validator's message (line and column) when {@code xml} is not a valid OAI-PMH response. */
    public static void assertValid(String xml) {
        Validator v = SCHEMA.newValidator();
        try {
            v.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            throw new AssertionError("not a valid OAI-PMH response: " + e.getMessage() + "\n"
                    + xml.substring(0, Math.min(xml.length(), 3000)), e);
        }
    }

    /** The response as a namespace-aware DOM, parsed without DTDs. */
    static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
