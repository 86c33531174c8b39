package org.dhakira.oai;

import java.io.IOException;

import javax.xml.stream.XMLStreamException;

import org.dhakira.store.StoredRecord;

/** A metadata format the provider disseminates: its prefix, schema and namespace, and how a record is written in it. */
interface MetadataFormat {

    String prefix();

    String schema();

    String namespace();

    /** The properties of the record's subject this format reads; empty when it needs the whole graph. */
    default java.util.Optional<java.util.Set<org.apache.jena.graph.Node>> properties() {
        return java.util.Optional.empty();
    }

    /** Writes the live {@code record} as the content of a {@code <metadata>} element. */
    void write(OaiXml xml, StoredRecord record, LinkedNames names) throws XMLStreamException, IOException;
}
