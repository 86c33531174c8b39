package org.dhakira.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.dhakira.TestArchives;
import org.dhakira.vocab.Arch;
import org.dhakira.vocab.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordStoreTest {

    @TempDir
    Path dir;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2024-05-01T10:00:00.700Z"));

    private RecordStore open() {
        return RecordStore.open(dir, TestArchives.BASE, TestArchives.VOCABULARY, TestArchives.clock(now));
    }

    private static final RecordId COALITION = new RecordId(Kind.ORGANISATION, "syrian-coalition");

    private static Graph organisation(RecordId id, String enName) {
        Node s = NodeFactory.createURI(id.iri(TestArchives.BASE));
        Graph g = GraphFactory.createDefaultGraph();
        g.add(Triple.create(s, RDF.type.asNode(), Arch.Organisation));
        g.add(Triple.create(s, Arch.name, NodeFactory.createLiteralLang(enName, "en")));
        return g;
    }

    private static Commit put(RecordStore store, RecordId id, Graph g) {
        try (Batch b = store.begin()) {
            b.put(id, g);
            return b.commit();
        }
    }

    @Test
    void putStoresTheRecordAsItsOwnNamedGraphWithSuperTerms() {
        try (RecordStore store = open()) {
            put(store, COALITION, organisation(COALITION, "Syrian Coalition"));
            StoredRecord r = store.find(COALITION).orElseThrow();
            Node s = NodeFactory.createURI(COALITION.iri(TestArchives.BASE));
            assertTrue(r.graph().contains(s, Arch.name, NodeFactory.createLiteralLang("Syrian Coalition", "en")));
            assertTrue(r.graph().contains(s, NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label"), Node.ANY),
                    "super-property rdfs:label written out");
            assertTrue(r.graph().contains(s, RDF.type.asNode(), NodeFactory.createURI("https://www.ica.org/standards/RiC/ontology#CorporateBody")),
                    "super-class written out");
            assertEquals(1, r.sequence());
            assertEquals(Instant.parse("2024-05-01T10:00:00Z"), r.datestamp(), "UTC datestamp in whole seconds");
            assertFalse(r.deleted());
        }
    }

    @Test
    void replacingARecordReplacesItsWholeGraphAndTakesTheNextSequenceNumber() {
        try (RecordStore store = open()) {
            put(store, COALITION, organisation(COALITION, "Syrian Coalition"));
            now.set(Instant.parse("2024-05-02T00:00:00Z"));
            Commit c = put(store, COALITION, organisation(COALITION, "National Coalition"));
            assertEquals(2, c.firstSequence());
            StoredRecord r = store.find(COALITION).orElseThrow();
            assertEquals(2, r.sequence());
            assertFalse(r.graph().contains(Node.ANY, Arch.name, NodeFactory.createLiteralLang("Syrian Coalition", "en")),
                    "the old name is gone");
            assertTrue(r.graph().contains(Node.ANY, Arch.name, NodeFactory.createLiteralLang("National Coalition", "en")));
            assertEquals(Instant.parse("2024-05-02T00:00:00Z"), r.datestamp());
        }
    }

    @Test
    void anUnchangedRecordKeepsItsSequenceNumberAndDatestamp() {
        try (RecordStore store = open()) {
            put(store, COALITION, organisation(COALITION, "Syrian Coalition"));
            now.set(Instant.parse("2024-06-01T00:00:00Z"));
            Commit c = put(store, COALITION, organisation(COALITION, "Syrian Coalition"));
            assertEquals(1, c.unchanged());
            assertFalse(c.changedAnything());
            assertEquals(1, store.find(COALITION).orElseThrow().sequence());
            assertEquals(1, store.position().sequence());
        }
    }

    @Test
    void sequenceNumbersStrictlyIncreaseAndDatestampsNeverGoBackEvenWhenTheClockDoes() {
        try (RecordStore store = open()) {
            long lastSeq = 0;
            Instant lastStamp = Instant.EPOCH;
            List<String> clock = List.of("2024-05-01T10:00:00Z", "2024-05-01T09:00:00Z", "2024-05-01T10:00:00Z", "2024-05-01T11:30:00Z");
            for (int i = 0; i < clock.size(); i++) {
                now.set(Instant.parse(clock.get(i)));
                RecordId id = new RecordId(Kind.ORGANISATION, "org-" + i);
                put(store, id, organisation(id, "Organisation " + i));
                StoredRecord r = store.find(id).orElseThrow();
                assertTrue(r.sequence() > lastSeq, "sequence increases");
                assertFalse(r.datestamp().isBefore(lastStamp), "datestamp never decreases");
                lastSeq = r.sequence();
                lastStamp = r.datestamp();
            }
            assertEquals(Instant.parse("2024-05-01T10:00:00Z"), store.find(new RecordId(Kind.ORGANISATION, "org-1")).orElseThrow().datestamp(),
                    "a clock that went back does not move the datestamp back");
        }
    }

    @Test
    void deletingLeavesATombstoneThatKeepsTheIdentifierTaken() {
        try (RecordStore store = open()) {
            put(store, COALITION, organisation(COALITION, "Syrian Coalition"));
            now.set(Instant.parse("2024-07-01T00:00:00Z"));
            try (Batch b = store.begin()) {
                b.delete(COALITION);
                b.commit();
            }
            StoredRecord r = store.find(COALITION).orElseThrow();
            assertTrue(r.deleted());
            assertEquals(2, r.sequence());
            Node s = NodeFactory.createURI(COALITION.iri(TestArchives.BASE));
            assertTrue(r.graph().contains(s, RDF.type.asNode(), Arch.Tombstone));
            assertTrue(r.graph().contains(s, Arch.formerKind, Arch.Organisation));
            assertFalse(r.graph().contains(s, Arch.name, Node.ANY), "the content is gone");
            assertEquals(RecordStore.Status.DELETED, store.status(COALITION).orElseThrow());
            IllegalStateException reuse = assertThrows(IllegalStateException.class,
                    () -> put(store, COALITION, organisation(COALITION, "Again")));
            assertTrue(reuse.getMessage().contains("never reused"), reuse.getMessage());
            assertEquals(2, store.position().sequence(), "the refused put changed nothing");
        }
    }

    @Test
    void deletingTwiceChangesNothingTheSecondTime() {
        try (RecordStore store = open()) {
            put(store, COALITION, organisation(COALITION, "Syrian Coalition"));
            try (Batch b = store.begin()) {
                b.delete(COALITION);
                b.commit();
            }
            try (Batch b = store.begin()) {
                b.delete(COALITION);
                Commit c = b.commit();
                assertEquals(1, c.unchanged());
                assertFalse(c.changedAnything());
            }
            assertEquals(2, store.find(COALITION).orElseThrow().sequence());
        }
    }

    @Test
    void aTombstoneMayBeCopiedForARecordNeverSeenHere() {
        try (RecordStore store = open()) {
            try (Batch b = store.begin()) {
                b.delete(COALITION);
                b.commit();
            }
            assertEquals(RecordStore.Status.DELETED, store.status(COALITION).orElseThrow());
        }
    }

    @Test
    void aStoreRecordsItsBaseOnlyWithItsFirstChange() {
        open().close();
        RecordStore.open(dir, "http://elsewhere.test/", TestArchives.VOCABULARY).close();
        assertTrue(RecordStore.recordedBase(dir).isEmpty(), "opening alone fixes nothing");
    }

    @Test
    void aBatchThatIsNotCommittedLeavesNoTrace() {
        try (RecordStore store = open()) {
            try (Batch b = store.begin()) {
                b.put(COALITION, organisation(COALITION, "Syrian Coalition"));
            }
            assertTrue(store.find(COALITION).isEmpty());
            assertEquals(0, store.position().sequence());
        }
    }

    @Test
    void sparqlSeesTheRecordsAsTheUnionDefaultGraphButNotTheBookkeeping() {
        try (RecordStore store = open()) {
            put(store, COALITION, organisation(COALITION, "Syrian Coalition"));
            long names = Txn.calculateRead(store.dataset(), () -> {
                try (QueryExecution qe = QueryExecution.dataset(store.dataset())
                        .query("SELECT (COUNT(*) AS ?n) { ?s <" + Arch.name.getURI() + "> ?o }").build()) {
                    return qe.execSelect().next().getLiteral("n").getLong();
                }
            });
            assertEquals(1, names);
            long bookkeeping = Txn.calculateRead(store.dataset(), () -> {
                try (QueryExecution qe = QueryExecution.dataset(store.dataset())
                        .query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o FILTER(STRSTARTS(STR(?p), 'urn:dhakira:')) }").build()) {
                    return qe.execSelect().next().getLiteral("n").getLong();
                }
            });
            assertEquals(0, bookkeeping);
        }
    }

    @Test
    void aStoreRefusesToOpenUnderAnotherBase() {
        try (RecordStore store = open()) {
            put(store, COALITION, organisation(COALITION, "Syrian Coalition"));
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RecordStore.open(dir, "http://elsewhere.test/", TestArchives.VOCABULARY));
        assertTrue(e.getMessage().contains(TestArchives.BASE), e.getMessage());
    }
}
