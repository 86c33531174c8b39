package org.dhakira.oai;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Text as StAX must be given it for an XML reader to read back the very same characters. */
public final class XmlText {
    private XmlText() {}

    /**
     * Writes {@code text}, each carriage return as {@code &#xD;}: StAX writes it as it is, and every XML reader turns
     * a raw one into a line feed, so a value with CR LF line ends would not come back as it was.
     */
    public static void write(XMLStreamWriter w, String text) throws XMLStreamException {
        int from = 0;
        for (int cr = text.indexOf('\r'); cr >= 0; cr = text.indexOf('\r', from)) {
            w.writeCharacters(text.substring(from, cr));
            w.writeEntityRef("#xD");
            from = cr + 1;
        }
        w.writeCharacters(from == 0 ? text : text.substring(from));
    }
}
