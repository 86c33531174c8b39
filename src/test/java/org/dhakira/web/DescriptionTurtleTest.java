package org.dhakira.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.dhakira.Clients;
import org.dhakira.vocab.Arch;
import org.dhakira.vocab.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Turtle a description is sent as: its text for a small record (golden, {@code web/golden/description.ttl}), and
 * hostile names and literals read back as the same graph by Jena and by raptor, a parser that shares no code with
 * the writer.
 */
class DescriptionTurtleTest {

    static final String BASE = "http://localhost:8080/";
    static final Node DOC = NodeFactory.createURI(BASE + "id/document/coalition-statement-2017");
    static final Node ORG = NodeFactory.createURI(BASE + "id/organisation/amnesty-international");

    @TempDir
    Path dir;

    static Graph graph() {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefixes(Vocabulary.prefixes(BASE));
        return g;
    }

    static Node lang(String text, String lang) {
        return NodeFactory.createLiteralLang(text, lang);
    }

    @Test
    void aSmallRecordReadsAsTheGoldenFile() throws IOException {
        Graph g = graph();
        // Added organisation first: the thing described still comes first.
        g.add(Triple.create(ORG, RDF.type.asNode(), Arch.Organisation));
        g.add(Triple.create(ORG, RDFS.label.asNode(), lang("منظمة العفو الدولية", "ar")));
        g.add(Triple.create(DOC, RDF.type.asNode(), Arch.Document));
        g.add(Triple.create(DOC, Arch.title, lang("بيان الائتلاف حول صيدنايا", "ar")));
        g.add(Triple.create(DOC, Arch.title, lang("Coalition statement on Saydnaya", "en")));
        g.add(Triple.create(DOC, Arch.issued, NodeFactory.createLiteralDT("2017-02-07", XSDDatatype.XSDdate)));
        g.add(Triple.create(DOC, Arch.archiveCode, NodeFactory.createLiteralString("SM-0000017")));
        g.add(Triple.create(DOC, Arch.issuer, ORG));
        g.add(Triple.create(DOC, RDFS.seeAlso.asNode(), NodeFactory.createURI(BASE + "search?organisation=amnesty-international&sort=newest")));

        String written = new String(DescriptionTurtle.write(g, DOC), StandardCharsets.UTF_8);
        assertEquals(golden("description.ttl"), written);
        assertTrue(IsoMatcher.isomorphic(g, RDFParser.fromString(written, Lang.TURTLE).toGraph()));
    }

    @Test
    void hostileTextAndNamesReadBackAsTheSameGraph() throws Exception {
        Graph g = graph();
        String[] texts = {
                "quote \" backslash \\ end\\", "line\nbreak\r\nand\ttab", "bell \u0007 escape \u001B delete \u007F",
                "<script>alert('x')</script> & \"\"\"", "", "'''", "عربي \u200F mixed \u202B embedding \u202C English",
                "emoji 📜 and ZWJ 👩‍💻", "@prefix x: <y> .", "trailing backslash \\",
                "line \u2028 and paragraph \u2029 separators, a \uFEFF byte order mark" };
        Node p = Arch.body;
        for (String t : texts) {
            g.add(Triple.create(DOC, p, NodeFactory.createLiteralString(t)));
            g.add(Triple.create(DOC, p, lang(t, "ar")));
        }
        String[] names = {
                "key.with.dots", "key-ends-with-dot.", "9starts-with-a-digit", "-starts-with-a-dash", "has%20escape",
                "under_score", "ü-umlaut", "a~b", "semi;colon", "" };
        for (String n : names) {
            g.add(Triple.create(DOC, Arch.relatedOrganisation, NodeFactory.createURI(BASE + "id/organisation/" + n)));
        }
        g.add(Triple.create(DOC, Arch.relatedDocument, NodeFactory.createURI("urn:isbn:978-0-00-000000-0")));
        g.add(Triple.create(DOC, Arch.relatedDocument, NodeFactory.createURI("https://peer.example/id/document/x#frag.")));
        Node blank = NodeFactory.createBlankNode();
        g.add(Triple.create(DOC, RDFS.comment.asNode(), blank));
        g.add(Triple.create(blank, RDFS.label.asNode(), lang("a note", "en-GB")));
        g.add(Triple.create(DOC, Arch.issued, NodeFactory.createLiteralDT("not a date", XSDDatatype.XSDdate)));
        g.add(Triple.create(DOC, Arch.archiveCode, NodeFactory.createLiteralDT("7", XSDDatatype.XSDinteger)));

        byte[] written = DescriptionTurtle.write(g, DOC);
        String text = new String(written, StandardCharsets.UTF_8);
        Graph jena = RDFParser.fromString(text, Lang.TURTLE).toGraph();
        assertTrue(IsoMatcher.isomorphic(g, jena), () -> "Jena reads another graph from:\n" + text);

        Path file = Files.write(dir.resolve("description.ttl"), written);
        String nt = Clients.run(dir, "raptor2-utils", "rapper", "--quiet", "--input", "turtle", "--output", "ntriples",
                file.toString(), BASE);
        Graph raptor = RDFParser.fromString(nt, Lang.NTRIPLES).toGraph();
        assertTrue(IsoMatcher.isomorphic(g, raptor), () -> "raptor reads another graph from:\n" + text + "\nas\n" + nt);
    }

    @Test
    void aGraphWithWhatItLeavesToJenaIsWrittenByJena() {
        Graph g = graph();
        g.add(Triple.create(DOC, Arch.title, NodeFactory.createLiteralDirLang("عنوان", "ar", "rtl")));
        g.add(Triple.create(DOC, Arch.title, lang("Title", "en")));
        String text = new String(DescriptionTurtle.write(g, DOC), StandardCharsets.UTF_8);
        assertTrue(IsoMatcher.isomorphic(g, RDFParser.fromString(text, Lang.TURTLE).toGraph()), text);
    }

    static String golden(String name) throws IOException {
        try (InputStream in = DescriptionTurtleTest.class.getResourceAsStream("/web/golden/" + name)) {
            if (in == null) throw new IOException("no golden file web/golden/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
