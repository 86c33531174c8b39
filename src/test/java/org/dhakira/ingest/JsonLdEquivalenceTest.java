package org.dhakira.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.dhakira.TestArchives;
import org.dhakira.vocab.DataFiles;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The record JSON is JSON-LD under the published context: a JSON-LD processor reads the same graph we do. */
class JsonLdEquivalenceTest {

    @Test
    void theDemoRecordsReadAsJsonAndAsJsonLdGiveIsomorphicGraphs() throws IOException {
        byte[] demo;
        try (InputStream in = DataFiles.builtIn().open("server/demo/records.jsonl")) {
            demo = in.readAllBytes();
        }
        Graph ours = GraphFactory.createDefaultGraph();
        List<Problem> problems = new ArrayList<>();
        new JsonRecordReader(TestArchives.VOCABULARY, TestArchives.BASE).read("records.jsonl", new ByteArrayInputStream(demo), r -> {
            problems.addAll(r.problems());
            r.graph().find().forEach(ours::add);
        });
        assertEquals(List.of(), problems);

        ObjectMapper mapper = new ObjectMapper();
        ObjectNode doc = mapper.createObjectNode();
        doc.set("@context", mapper.readTree(TestArchives.VOCABULARY.context().json()).get("@context"));
        ArrayNode graph = doc.putArray("@graph");
        for (String line : new String(demo, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) graph.add(mapper.readTree(line));
        }
        Graph jsonLd = RDFParser.fromString(mapper.writeValueAsString(doc), Lang.JSONLD)
                .base(TestArchives.BASE + "id/").toGraph();

        assertTrue(ours.size() > 300, "the demo records say something: " + ours.size() + " triples");
        assertEquals(jsonLd.size(), ours.size(), "same number of triples");
        assertTrue(ours.isIsomorphicWith(jsonLd), "the two readings are isomorphic");
    }
}
