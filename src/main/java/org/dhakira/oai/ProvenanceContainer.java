package org.dhakira.oai;

import java.util.List;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.dhakira.provenance.Origin;

/**
 * OAI-PMH's provenance container (http://www.openarchives.org/OAI/2.0/guidelines-provenance.htm) for a record
 * this archive harvested: one {@code originDescription} per hop, the earlier hops nested inside the later ones,
 * in an {@code <about>} after the metadata.
 */
final class ProvenanceContainer {
    private ProvenanceContainer() {}

    static final String NS = "http://www.openarchives.org/OAI/2.0/provenance";
    static final String SCHEMA = "http://www.openarchives.org/OAI/2.0/provenance.xsd";

    /**
     * Writes {@code <about>} for {@code chain} (newest hop first); nothing for a record not harvested. The newest
     * hop is {@code altered} also when this archive serves the record in another format than it harvested it in
     * ({@code served}, a namespace): an rdf copy given out as oai_dc has been through a crosswalk here.
     */
    static void write(OaiXml xml, List<Origin> chain, String served) throws XMLStreamException {
        if (chain.isEmpty()) return;
        XMLStreamWriter w = xml.stax();
        w.writeStartElement(OaiProvider.NS, "about");
        w.writeStartElement("", "provenance", NS);
        w.writeDefaultNamespace(NS);
        w.writeNamespace("xsi", OaiXml.XSI);
        w.writeAttribute("xsi", OaiXml.XSI, "schemaLocation", NS + " " + SCHEMA);
        for (int i = 0; i < chain.size(); i++) {
            Origin o = chain.get(i);
            w.writeStartElement(NS, "originDescription");
            w.writeAttribute("harvestDate", o.harvestDate().toString());
            w.writeAttribute("altered", Boolean.toString(o.altered() || i == 0 && !o.metadataNamespace().equals(served)));
            xml.element(NS, "baseURL", o.baseUrl().toString());
            xml.element(NS, "identifier", o.identifier());
            xml.element(NS, "datestamp", o.datestamp().toString());
            xml.element(NS, "metadataNamespace", o.metadataNamespace());
        }
        for (int i = 0; i < chain.size(); i++) w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }
}
