package org.dhakira.ingest;

import static org.dhakira.TestArchives.document;
import static org.dhakira.TestArchives.organisation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.dhakira.TestArchives;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LoaderTest {

    @TempDir
    Path dir;

    private RecordStore store;

    @BeforeEach
    void open() throws InvalidInputException {
        store = TestArchives.store(dir);
        TestArchives.load(store, organisation("syrian-coalition", "Syrian Coalition", "الائتلاف السوري") + "\n"
                + organisation("gone", "Gone", "محذوف") + "\n");
        TestArchives.load(store, "{\"id\":\"organisation/gone\",\"kind\":\"organisation\",\"deleted\":true}\n");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private InvalidInputException refused(Format format, String text) {
        long before = store.position().sequence();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Loader(store)
                .load(List.of(Input.of("input" + (format == Format.JSON ? ".jsonl" : "." + format), format, text)), 0, Progress.NONE));
        assertEquals(before, store.position().sequence(), "a refused input changes nothing");
        return e;
    }

    /** One case per class of error: the input, then what the message must say (record, field, reason, line). */
    static Stream<Arguments> badInputs() {
        String ok = document("fine", "");
        return Stream.of(
                Arguments.of("unknown document type", ok + "\n" + document("a", "").replace("press-statement", "press-statment"),
                        "input.jsonl:2: document/a: type: unknown value 'press-statment' (one of: press-statement"),
                Arguments.of("unknown reliability grade", document("a", "").replace("not-verified", "trusted"),
                        "input.jsonl:1: document/a: reliability: unknown value 'trusted' (one of: authentic, not-authentic, not-verified, undetermined)"),
                Arguments.of("malformed date", document("a", "").replace("2017-02-07", "07/02/2017"),
                        "document/a: issued: '07/02/2017' is not a date of the form YYYY-MM-DD"),
                Arguments.of("impossible date", document("a", "").replace("2017-02-07", "2017-02-30"),
                        "document/a: issued: '2017-02-30' is not a date that exists"),
                Arguments.of("missing title", "{\"id\":\"document/a\",\"kind\":\"document\",\"type\":\"report\",\"reliability\":\"authentic\"}",
                        "input.jsonl:1: document/a: title: "),
                Arguments.of("reference to nothing", document("a", "\"relatedOrganisations\":[\"organisation/nowhere\"]"),
                        "document/a: relatedOrganisations: refers to organisation/nowhere, which is neither in the archive nor in the input"),
                Arguments.of("link to the wrong kind of record", document("a", "\"relatedPersons\":[\"organisation/syrian-coalition\"]"),
                        "document/a: relatedPersons: must name a person, not organisation/syrian-coalition"),
                Arguments.of("issuer that is neither an organisation nor a person", document("a", "\"issuer\":\"document/fine\"") + "\n" + ok,
                        "document/a: issuer: must name an organisation or a person, not document/fine"),
                Arguments.of("an ill-formed language tag", document("a", "\"summary\":{\"xx-invalid-tag-too-long\":\"v\"}"),
                        "document/a: summary: 'xx-invalid-tag-too-long' is not a language tag"),
                Arguments.of("a relative URL that is no record", document("a", "\"sourceUrl\":\"/archive/1\""),
                        "document/a: sourceUrl: '/archive/1' is neither a record (kind/key) nor an absolute URL"),
                Arguments.of("an empty input", "", "input.jsonl: contains no records"),
                Arguments.of("a field another kind of record has", organisation("x", "X", "س").replace("}}", "},\"reliability\":\"authentic\"}"),
                        "input.jsonl:1: organisation/x: reliability: is not a field of an organisation record"),
                Arguments.of("duplicate keys in one batch", ok + "\n" + ok,
                        "input.jsonl:2: document/fine: id: appears twice in the input (first at input.jsonl:1)"),
                Arguments.of("malformed JSON", ok + "\n{\"id\": \"document/b\", \"kind\": }",
                        "input.jsonl:2: malformed JSON"),
                Arguments.of("unknown field", document("a", "\"titel\":{\"en\":\"x\"}"),
                        "input.jsonl:1: document/a: titel: unknown field"),
                Arguments.of("kind that disagrees with the id", document("a", "").replace("\"kind\":\"document\"", "\"kind\":\"person\""),
                        "document/a: kind: is 'person' but the id says 'document'"),
                Arguments.of("key that is not URI-safe", document("a b", ""),
                        "id: key 'a b' is not valid"),
                Arguments.of("reuse of a deleted identifier", organisation("gone", "Back", "عاد"),
                        "organisation/gone: id: was deleted; identifiers are never reused"),
                Arguments.of("not an object", "[1, 2]",
                        "input.jsonl:1: a record must be a JSON object, found an array"),
                Arguments.of("language map given as a string", document("a", "\"summary\":\"plain\""),
                        "document/a: summary: must be an object of languages"),
                Arguments.of("a control character XML cannot carry", document("a", "\"summary\":{\"en\":\"bell \\u0007 here\"}"),
                        "input.jsonl:1: document/a: summary: contains the character U+0007, which XML cannot carry"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void refusesBadRecordsNamingRecordFieldAndReason(String what, String input, String expected) {
        InvalidInputException e = refused(Format.JSON, input);
        String all = e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
        assertTrue(all.contains(expected), what + ": expected «" + expected + "» in:\n" + all);
    }

    @Test
    void aBrokenJsonLineIsReportedOnItsOwnLineAndTheNextLinesAreStillChecked() {
        InvalidInputException e = refused(Format.JSON, document("a", "") + "\n{\"id\": \"document/b\", \"kind\n"
                + document("c", "").replace("2017-02-07", "2017-02-29"));
        String all = e.problems().toString();
        assertTrue(all.contains("input.jsonl:2: malformed JSON"), all);
        assertTrue(all.contains("input.jsonl:3: document/c: issued: '2017-02-29' is not a date that exists"), all);
    }

    @Test
    void linksToADeletedRecordStandAsTheyPointToATombstone() throws InvalidInputException {
        LoadReport r = TestArchives.load(store, document("a", "\"issuer\":\"organisation/gone\""));
        assertEquals(1, r.written());
    }

    @Test
    void deletingAgainChangesNothing() throws InvalidInputException {
        LoadReport r = TestArchives.load(store, "{\"id\":\"organisation/gone\",\"kind\":\"organisation\",\"deleted\":true}\n");
        assertEquals(1, r.unchanged());
        assertEquals(0, r.deleted());
    }

    @Test
    void aJsonLdFileNamingARemoteContextIsRefusedUnfetched() {
        InvalidInputException e = refused(Format.JSONLD, "{\"@context\": \"http://127.0.0.1:9/context.jsonld\", \"id\": \"document/x\"}");
        assertTrue(e.problems().toString().contains("names a remote @context"), e.problems().toString());
    }

    @Test
    void aRemoteContextNestedInAScopedContextIsRefusedToo() {
        InvalidInputException e = refused(Format.JSONLD, "{\"@context\": {\"x\": {\"@id\": \"http://e.test/x\","
                + " \"@context\": \"http://127.0.0.1:9/c.jsonld\"}}, \"@id\": \"document/x\", \"x\": {}}");
        assertTrue(e.problems().toString().contains("names a remote @context (http://127.0.0.1:9/c.jsonld)"), e.problems().toString());
    }

    @Test
    void listsEveryProblemNotJustTheFirst() {
        InvalidInputException e = refused(Format.JSON, document("a", "").replace("2017-02-07", "2017-13-01") + "\n"
                + document("b", "").replace("not-verified", "nope") + "\n"
                + document("c", "\"relatedPersons\":[\"person/nobody\"]"));
        assertEquals(3, e.total(), e.problems().toString());
    }

    @Test
    void aBatchWithOneBadRecordWritesNothingAtAll() {
        refused(Format.JSON, document("good-1", "") + "\n" + document("bad", "").replace("press-statement", "nonsense")
                + "\n" + document("good-2", ""));
        assertTrue(store.find(RecordId.parse("document/good-1")).isEmpty());
        assertTrue(store.find(RecordId.parse("document/good-2")).isEmpty());
    }

    @Test
    void referencesMayPointForwardWithinTheBatch() throws InvalidInputException {
        LoadReport r = TestArchives.load(store, document("a", "\"issuer\":\"organisation/later\"") + "\n"
                + organisation("later", "Later", "لاحق"));
        assertEquals(2, r.written());
    }

    @Test
    void readsAJsonArrayAsWellAsJsonLines() throws InvalidInputException {
        LoadReport r = new Loader(store).load(List.of(Input.of("in.json", Format.JSON,
                "[\n" + document("a", "") + ",\n" + document("b", "") + "\n]")), 0, Progress.NONE);
        assertEquals(2, r.written());
    }

    @Test
    void malformedTurtleIsReportedWithLineAndColumn() {
        InvalidInputException e = refused(Format.TURTLE, "@prefix arch: <https://w3id.org/dhakira/vocab#> .\n"
                + "<http://archive.test/id/organisation/x> a arch:Organisation ;\n  arch:name \"X\"@en \n .. \n");
        assertTrue(e.problems().get(0).toString().matches("(?s).*malformed Turtle at line \\d+, column \\d+.*"), e.problems().toString());
    }

    @Test
    void rdfRecordsAreCheckedAgainstTheShapesToo() {
        InvalidInputException e = refused(Format.TURTLE, "@prefix arch: <https://w3id.org/dhakira/vocab#> .\n"
                + "<http://archive.test/id/document/x> a arch:Document ;\n  arch:title \"X\"@en ;\n"
                + "  arch:documentType <https://w3id.org/dhakira/document-type/pamphlet> ;\n"
                + "  arch:reliability <https://w3id.org/dhakira/reliability/authentic> ;\n  arch:colour \"red\" .\n");
        String all = e.problems().toString();
        assertTrue(all.contains("document/x: type:"), all);
        assertTrue(all.contains("arch:colour") || all.contains("vocab#colour> is not a term of the archive vocabulary"), all);
    }

    @Test
    void loadsTurtleTrigAndNQuadsSplittingRecordsByGraphOrSubject() throws InvalidInputException {
        String ttl = "@prefix arch: <https://w3id.org/dhakira/vocab#> .\n"
                + "<http://archive.test/id/place/aleppo> a arch:Place ; arch:name \"Aleppo\"@en, \"حلب\"@ar .\n"
                + "<http://archive.test/id/place/homs> a arch:Place ; arch:name \"Homs\"@en .\n";
        String trig = "@prefix arch: <https://w3id.org/dhakira/vocab#> .\n"
                + "<http://archive.test/id/person/p1> { <http://archive.test/id/person/p1> a arch:Person ; arch:name \"وليد\"@ar . }\n";
        String nq = "<http://archive.test/id/event/e1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/dhakira/vocab#Event> <http://archive.test/id/event/e1> .\n"
                + "<http://archive.test/id/event/e1> <https://w3id.org/dhakira/vocab#title> \"Day\"@en <http://archive.test/id/event/e1> .\n"
                + "<http://archive.test/id/event/e1> <https://w3id.org/dhakira/vocab#date> \"2012-03-15\"^^<http://www.w3.org/2001/XMLSchema#date> <http://archive.test/id/event/e1> .\n";
        LoadReport r = new Loader(store).load(List.of(Input.of("a.ttl", Format.TURTLE, ttl), Input.of("b.trig", Format.TRIG, trig),
                Input.of("c.nq", Format.NQUADS, nq)), 0, Progress.NONE);
        assertEquals(4, r.written());
        assertTrue(store.find(RecordId.parse("place/homs")).isPresent());
        assertTrue(store.find(RecordId.parse("event/e1")).isPresent());
    }

    @Test
    void commitsEveryBatchSizeRecords() throws InvalidInputException {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < 25; i++) in.append(organisation("o" + i, "O " + i, "م " + i)).append('\n');
        LoadReport r = new Loader(store).load(List.of(Input.of("in.jsonl", Format.JSON, in.toString())), 10, Progress.NONE);
        assertEquals(3, r.batches());
        assertEquals(25, r.written());
        assertEquals(r.firstSequence() + 24, r.lastSequence());
    }

    @Test
    void deletionsInTheInputLeaveTombstones() throws InvalidInputException {
        LoadReport r = TestArchives.load(store, "{\"id\":\"organisation/syrian-coalition\",\"kind\":\"organisation\",\"deleted\":true}");
        assertEquals(1, r.deleted());
        assertEquals(RecordStore.Status.DELETED, store.status(RecordId.parse("organisation/syrian-coalition")).orElseThrow());
    }
}
