package org.dhakira.oai;

/** The official OAI-PMH schemas for tests of other packages (the harvester's re-exposed records). */
public final class OaiSchemasAccess {
    private OaiSchemasAccess() {}

    public static void assertValid(String xml) {
        OaiSchemas.assertValid(xml);
    }
}
