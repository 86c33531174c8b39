package org.dhakira.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.dhakira.TestArchives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VocabularyTest {

    private final Vocabulary vocab = TestArchives.VOCABULARY;

    @Test
    void everyTermConstantIsDefinedByTheOntology() throws IllegalAccessException {
        List<String> undefined = new ArrayList<>();
        for (Field f : Arch.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Node.class) {
                Node term = (Node) f.get(null);
                if (!vocab.defines(term)) undefined.add(f.getName() + " = " + term.getURI());
            }
        }
        assertEquals(List.of(), undefined, "constants naming terms the ontology does not define");
    }

    @Test
    void everyFieldOfTheJsonFormatIsAPropertyOfTheOntology() {
        List<String> undefined = new ArrayList<>();
        for (String name : List.of("title", "name", "aliases", "summary", "body", "code", "originalLanguage", "issued",
                "date", "sourceUrl", "issuer", "targetCountry", "relatedOrganisations", "relatedPersons",
                "relatedEvents", "relatedPlaces", "relatedDocuments", "type", "reliability")) {
            Node p = vocab.context().field(name).orElseThrow(() -> new AssertionError("no field " + name)).property();
            if (!vocab.defines(p)) undefined.add(name);
        }
        assertEquals(List.of(), undefined);
    }

    @Test
    void everyClassAndPropertyHasArabicAndEnglishLabels() {
        for (Node term : List.of(Arch.Document, Arch.Organisation, Arch.Person, Arch.Event, Arch.Place, Arch.title,
                Arch.documentType, Arch.reliability, Arch.issued, Arch.archiveCode, Arch.relatedPerson)) {
            assertTrue(vocab.label(term, "ar").isPresent(), "Arabic label of " + term);
            assertTrue(vocab.label(term, "en").isPresent(), "English label of " + term);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"press-statement", "report", "statement", "letter", "decree", "periodical-issue", "leaflet",
            "testimony", "video", "audio", "image", "map"})
    void documentTypesAreConceptsWithBothLabels(String slug) {
        Node type = Vocabulary.documentType(slug);
        assertTrue(vocab.allowedValues(Arch.documentType).contains(type), slug + " is a document type");
        assertTrue(vocab.label(type, "ar").isPresent());
        assertTrue(vocab.label(type, "en").isPresent());
    }

    @Test
    void reliabilityGradesCarryTheArchivesArabicLabels() {
        assertEquals("صحيحة", vocab.label(Vocabulary.reliability("authentic"), "ar").orElseThrow());
        assertEquals("غير صحيحة", vocab.label(Vocabulary.reliability("not-authentic"), "ar").orElseThrow());
        assertEquals("لم يتم التأكد من صحتها", vocab.label(Vocabulary.reliability("not-verified"), "ar").orElseThrow());
        assertEquals("غير محدد", vocab.label(Vocabulary.reliability("undetermined"), "ar").orElseThrow());
        assertEquals(4, vocab.allowedValues(Arch.reliability).size());
    }

    @Test
    void superTermsAreTransitiveAndStandard() {
        Set<Node> titleSupers = vocab.superProperties(Arch.title);
        assertTrue(titleSupers.contains(NodeFactory.createURI("http://purl.org/dc/terms/title")));
        assertTrue(titleSupers.contains(NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label")));
        Set<Node> documentSupers = vocab.superClasses(Arch.Document);
        assertTrue(documentSupers.contains(NodeFactory.createURI("https://www.ica.org/standards/RiC/ontology#Record")));
        assertTrue(vocab.superProperties(Arch.issuer).contains(NodeFactory.createURI("http://purl.org/dc/terms/creator")));
        assertFalse(vocab.superProperties(Arch.title).contains(Arch.title), "a term is not its own super-term");
    }
}
