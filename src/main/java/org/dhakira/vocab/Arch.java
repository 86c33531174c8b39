package org.dhakira.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The archive vocabulary's terms as constants, in its one fixed namespace.
 *
 * <pre>{@code Triple t = Triple.create(doc, Arch.title, NodeFactory.createLiteralLang("…", "ar"));}</pre>
 *
 * A test checks that every constant here names a term that {@code vocab/ontology.ttl} defines.
 */
public final class Arch {
    private Arch() {}

    public static final String NS = "https://w3id.org/dhakira/vocab#";
    public static final String DOCUMENT_TYPE_NS = "https://w3id.org/dhakira/document-type/";
    public static final String RELIABILITY_NS = "https://w3id.org/dhakira/reliability/";

    // Classes
    public static final Node Document = term("Document");
    public static final Node Organisation = term("Organisation");
    public static final Node Person = term("Person");
    public static final Node Event = term("Event");
    public static final Node Place = term("Place");
    public static final Node Tombstone = term("Tombstone");
    public static final Node DocumentType = term("DocumentType");
    public static final Node ReliabilityGrade = term("ReliabilityGrade");

    // Properties
    public static final Node title = term("title");
    public static final Node name = term("name");
    public static final Node alias = term("alias");
    public static final Node summary = term("summary");
    public static final Node body = term("body");
    public static final Node archiveCode = term("archiveCode");
    public static final Node originalLanguage = term("originalLanguage");
    public static final Node issued = term("issued");
    public static final Node date = term("date");
    public static final Node sourceUrl = term("sourceUrl");
    public static final Node issuer = term("issuer");
    public static final Node targetCountry = term("targetCountry");
    public static final Node relatedOrganisation = term("relatedOrganisation");
    public static final Node relatedPerson = term("relatedPerson");
    public static final Node relatedEvent = term("relatedEvent");
    public static final Node relatedPlace = term("relatedPlace");
    public static final Node relatedDocument = term("relatedDocument");
    public static final Node documentType = term("documentType");
    public static final Node reliability = term("reliability");
    public static final Node deletedAt = term("deletedAt");
    public static final Node formerKind = term("formerKind");

    private static Node term(String local) {
        return NodeFactory.createURI(NS + local);
    }
}
