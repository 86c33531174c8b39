package org.dhakira.harvest.crosswalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.dhakira.TestArchives;
import org.dhakira.vocab.DataFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The crosswalk file is checked whole on load, and a mistake is named by where it is. */
class DcRulesTest {

    static String refusal(String json) {
        return assertThrows(IllegalArgumentException.class, () -> DcRules.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), TestArchives.VOCABULARY)).getMessage();
    }

    static String file(String elements, String types) {
        return "{\"elements\": {" + elements + "}, \"reliability\": \"undetermined\", \"types\": {" + types + "}, \"languages\": {}}";
    }

    @Test
    void theShippedCrosswalkLoads() {
        DcRules rules = DcRules.load(DataFiles.builtIn(), TestArchives.VOCABULARY);
        assertEquals(DcRules.Handling.NAMES, rules.elements().get("creator").handling());
        assertEquals(org.dhakira.vocab.Vocabulary.documentType("press-statement"), rules.types().get(Folded.of("بيان صحفي")));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "\"titel\": {\"to\": \"arch:title\"} | elements.titel: is not a Dublin Core 1.1 element",
            "\"title\": {\"to\": \"arch:titel\"} | elements.title.to: 'arch:titel' is not a term of the archive vocabulary",
            "\"title\": {\"to\": \"arch:name\"} | elements.title.to: 'arch:name' is not a field of documents",
            "\"title\": {\"to\": \"arch:issuer\"} | elements.title.to: 'arch:issuer' is not one this crosswalk fills from text",
            "\"title\": {\"to\": \"dc:titel\"} | elements.title.to: 'dc:titel' is not a Dublin Core 1.1 element",
            "\"title\": {} | elements.title.to: is missing",
            "\"title\": {\"to\": \"arch:title\", \"partial\": \"dcterms:issued\"} | elements.title.partial: unknown field",
            "\"subject\": {\"organisation\": \"arch:relatedPerson\", \"person\": \"arch:relatedPerson\"} | elements.subject.organisation: 'arch:relatedPerson' does not link to organisation records"})
    void aWrongElementIsNamed(String elements, String message) {
        String m = refusal(file(elements, ""));
        assertEquals(true, m.startsWith("harvest/crosswalks/oai_dc.json: " + message), m);
    }

    @Test
    void aTypeThatIsNotInTheSchemeIsNamed() {
        String m = refusal(file("", "\"poster\": [\"Poster\"]"));
        assertEquals(true, m.startsWith("harvest/crosswalks/oai_dc.json: types.poster: 'poster' is not one of "), m);
    }

    @Test
    void aTypeStringListedUnderTwoTypesIsNamedWithBoth() {
        assertEquals("harvest/crosswalks/oai_dc.json: types.statement: 'بيـان صحفى' is also listed under press-statement",
                refusal(file("", "\"press-statement\": [\"بيان صحفي\"], \"statement\": [\"بيـان صحفى\"]")));
    }

    @Test
    void anUnknownReliabilityIsNamed() {
        String m = refusal("{\"elements\": {}, \"reliability\": \"trusted\", \"types\": {}, \"languages\": {}}");
        assertEquals(true, m.startsWith("harvest/crosswalks/oai_dc.json: reliability: 'trusted' is not one of"), m);
    }
}
