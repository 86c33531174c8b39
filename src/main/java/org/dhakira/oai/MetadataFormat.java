package org.dhakira.oai;

import java.io.IOException;

import javax.xml.stream.XMLStreamException;

import org.dhakira.store.StoredRecord;

/** A metadata format the provider disseminates: its prefix, schema and namespace, and how a record is written in it. */
interface MetadataFormat {

    String prefix();

    String schema();

    String namespace();

    /** Writes the live {@code record} as the content of a {@code <metadata>} element. */
    void write(OaiXml xml, StoredRecord record, LinkedNames names) throws XMLStreamException, IOException;
}
