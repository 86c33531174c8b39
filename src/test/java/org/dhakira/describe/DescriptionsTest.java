package org.dhakira.describe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDFS;
import org.dhakira.TestArchives;
import org.dhakira.store.Batch;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The names a description shows of the records it links to, which it keeps from one description to the next:
 * they follow every change of those records, and only theirs, whatever else changes meanwhile.
 */
class DescriptionsTest {

    static final RecordId DOC = RecordId.parse("document/names-kept");
    static final RecordId ALPHA = RecordId.parse("organisation/alpha");
    static final RecordId BETA = RecordId.parse("organisation/beta");

    @Test
    void linkedNamesFollowTheirRecordsThroughOtherChanges(@TempDir Path dir) throws Exception {
        try (RecordStore store = TestArchives.store(dir)) {
            TestArchives.load(store, TestArchives.organisation("alpha", "Alpha", "ألفا") + "\n"
                    + TestArchives.organisation("beta", "Beta", "بيتا") + "\n"
                    + TestArchives.document("names-kept", "\"issuer\":\"organisation/alpha\",\"relatedOrganisations\":[\"organisation/beta\"]") + "\n");
            Descriptions descriptions = new Descriptions(store);
            assertEquals(Map.of("en", "Alpha", "ar", "ألفا"), link(descriptions, ALPHA).labels());

            TestArchives.load(store, TestArchives.organisation("gamma", "Gamma", "غاما") + "\n");
            assertEquals(Map.of("en", "Alpha", "ar", "ألفا"), link(descriptions, ALPHA).labels(), "another record's change");

            TestArchives.load(store, TestArchives.organisation("alpha", "Alpha Renamed", "ألفا الجديدة") + "\n");
            assertEquals(Map.of("en", "Alpha Renamed", "ar", "ألفا الجديدة"), link(descriptions, ALPHA).labels());
            Description d = descriptions.find(DOC).orElseThrow();
            Node alpha = NodeFactory.createURI(store.uris().iri(ALPHA));
            assertTrue(d.graph().contains(alpha, RDFS.label.asNode(), NodeFactory.createLiteralLang("Alpha Renamed", "en")));
            assertFalse(d.graph().contains(alpha, RDFS.label.asNode(), NodeFactory.createLiteralLang("Alpha", "en")), "the old name gone");

            try (Batch b = store.begin()) {
                b.delete(BETA);
                b.commit();
            }
            Description.Link beta = link(descriptions, BETA);
            assertTrue(beta.deleted());
            assertTrue(beta.labels().isEmpty());
            Node betaNode = NodeFactory.createURI(store.uris().iri(BETA));
            assertFalse(descriptions.find(DOC).orElseThrow().graph().contains(betaNode, RDFS.label.asNode(), Node.ANY));
            assertEquals(Map.of("en", "Alpha Renamed", "ar", "ألفا الجديدة"), link(descriptions, ALPHA).labels(), "and the other link kept");
        }
    }

    static Description.Link link(Descriptions descriptions, RecordId target) {
        return descriptions.find(DOC).orElseThrow().links().stream().filter(l -> l.target().equals(target)).findFirst().orElseThrow();
    }
}
