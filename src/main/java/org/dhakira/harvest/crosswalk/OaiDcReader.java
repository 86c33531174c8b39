package org.dhakira.harvest.crosswalk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.dhakira.harvest.UntrustedXml;

/**
 * Reads an {@code <oai_dc:dc>} element into its Dublin Core values, in document order. The XML is a peer's and
 * untrusted: it is read with {@link UntrustedXml} (no DTD, no external entity). Markup inside a value is not
 * followed: a value is the text it contains, so a title that says {@code <script>} stays those characters. Elements
 * of other namespaces are skipped. {@code xml:lang} is inherited from enclosing elements, as XML says.
 */
final class OaiDcReader {
    private OaiDcReader() {}

    static final String OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    static final String DC = "http://purl.org/dc/elements/1.1/";

    /** One value: the element's local name ({@code title}), its text, and its {@code xml:lang} if it had one. */
    record Value(String element, String text, Optional<String> lang) {}

    /** @throws IllegalArgumentException with the reason, when the metadata is not readable oai_dc */
    static List<Value> read(String metadata) {
        List<Value> values = new ArrayList<>();
        try {
            XMLStreamReader r = UntrustedXml.reader(metadata.getBytes(StandardCharsets.UTF_8));
            try {
                Deque<Optional<String>> langs = new ArrayDeque<>();
                boolean rootSeen = false;
                StringBuilder text = null;
                String element = null;
                int depthInValue = 0;
                while (r.hasNext()) {
                    int event = r.next();
                    switch (event) {
                        case XMLStreamConstants.DTD -> throw new IllegalArgumentException("the metadata has a DOCTYPE, which oai_dc never needs");
                        case XMLStreamConstants.START_ELEMENT -> {
                            String lang = r.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
                            Optional<String> inherited = langs.isEmpty() ? Optional.empty() : langs.peek();
                            langs.push(lang == null || lang.isBlank() ? inherited : Optional.of(lang.strip()));
                            if (!rootSeen) {
                                rootSeen = true;
                                if (!OAI_DC.equals(r.getNamespaceURI()) || !"dc".equals(r.getLocalName())) {
                                    throw new IllegalArgumentException("the metadata is <" + r.getName() + ">, not <oai_dc:dc>");
                                }
                            } else if (text != null) {
                                depthInValue++;
                            } else if (DC.equals(r.getNamespaceURI())) {
                                element = r.getLocalName();
                                text = new StringBuilder();
                                depthInValue = 0;
                            }
                        }
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                            if (text != null) text.append(r.getText());
                        }
                        case XMLStreamConstants.END_ELEMENT -> {
                            Optional<String> lang = langs.pop();
                            if (text != null) {
                                if (depthInValue > 0) {
                                    depthInValue--;
                                } else {
                                    values.add(new Value(element, text.toString(), lang));
                                    text = null;
                                }
                            }
                        }
                        case XMLStreamConstants.ENTITY_REFERENCE -> throw new IllegalArgumentException(
                                "the metadata refers to the entity &" + r.getLocalName() + "; which oai_dc cannot define");
                        default -> { }
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("the metadata is not well-formed XML: " + e.getMessage(), e);
        }
        return values;
    }
}
