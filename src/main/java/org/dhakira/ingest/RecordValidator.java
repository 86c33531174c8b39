package org.dhakira.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.engine.ShaclPaths;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.vocabulary.RDF;
import org.dhakira.store.RecordId;
import org.dhakira.vocab.Arch;
import org.dhakira.vocab.Vocabulary;

/**
 * Checks one record on its own against the vocabulary: the SHACL shapes in {@code vocab/shapes.ttl} (with the
 * schemes in view, so that a document type must be one of the scheme's), the record's kind, and every term of
 * the archive's namespace being one the ontology defines. Links to other records are checked by the
 * {@link Loader}, which sees the whole batch and the store.
 */
public final class RecordValidator {

    private final Vocabulary vocabulary;
    private final org.dhakira.store.UriSpace uris;

    public RecordValidator(Vocabulary vocabulary, org.dhakira.store.UriSpace uris) {
        this.vocabulary = vocabulary;
        this.uris = uris;
    }

    /**
     * The problems of one record made elsewhere than in a file (a harvested one), named by {@code source} in the
     * messages; references to other records are not checked, as a harvest may bring them later.
     */
    public List<Problem> check(String source, RecordId id, Graph graph) {
        return check(new ParsedRecord(source, 0, java.util.Optional.of(id), false, graph, List.of(), List.of(), java.util.Map.of()));
    }

    /** The problems of {@code record}, besides those its reader already found. */
    public List<Problem> check(ParsedRecord record) {
        if (record.id().isEmpty() || record.deletion()) return List.of();
        List<Problem> problems = new ArrayList<>();
        RecordId id = record.id().get();
        Graph g = record.graph();
        Node subject = org.apache.jena.graph.NodeFactory.createURI(uris.iri(id));
        Set<String> fieldsAlreadyWrong = new HashSet<>();
        record.problems().forEach(p -> fieldsAlreadyWrong.add(p.field()));

        if (!g.contains(subject, RDF.type.asNode(), id.kind().type()) && !fieldsAlreadyWrong.contains("kind")) {
            problems.add(problem(record, "kind", record.line(), "the record is not typed " + id.kind().type().getURI()
                    + ", as its URI (" + id.path() + ") says it must be"));
        }
        Set<Node> fields = vocabulary.fieldsOf(id.kind());
        Set<Node> misplaced = new HashSet<>();
        g.find().forEach(t -> {
            for (Node n : List.of(t.getPredicate(), t.getObject())) {
                if (n.isURI() && n.getURI().startsWith(Arch.NS) && !vocabulary.defines(n)) {
                    problems.add(problem(record, "", record.line(), "<" + n.getURI() + "> is not a term of the archive vocabulary"));
                }
            }
            Node p = t.getPredicate();
            if (t.getObject().isLiteral()) {
                int bad = unwritableInXml(t.getObject().getLiteralLexicalForm());
                if (bad >= 0) {
                    problems.add(problem(record, vocabulary.context().fieldName(p), record.lineOf(p), String.format(
                            "contains the character U+%04X, which XML cannot carry (OAI-PMH and RDF/XML would break); remove it", bad)));
                }
            }
            if (p.getURI().startsWith(Arch.NS) && vocabulary.defines(p) && !fields.contains(p) && misplaced.add(p)) {
                String field = vocabulary.context().fieldName(p);
                problems.add(problem(record, field, record.lineOf(p), "is not a field of " + (id.kind() == org.dhakira.vocab.Kind.ORGANISATION ? "an " : "a ")
                        + id.kind().segment() + " record"));
            }
        });

        ValidationReport report = ShaclValidator.get().validate(vocabulary.shapes(), new Union(g, vocabulary.schemes()));
        for (ReportEntry e : report.getEntries()) {
            Node property = e.resultPath() instanceof P_Link link ? link.getNode() : null;
            String field = property == null ? ShaclPaths.pathToString(e.resultPath()) : vocabulary.context().fieldName(property);
            if (fieldsAlreadyWrong.contains(field)) continue;
            long line = property == null ? record.line() : record.lineOf(property);
            String reason = e.message() == null ? "does not conform to the shape" : e.message();
            if (e.value() != null && !reason.contains(e.value().toString())) {
                reason += " (found " + describe(e.value()) + ")";
            }
            problems.add(problem(record, field, line, reason));
        }
        return problems;
    }

    /** The first character XML 1.0 does not allow (C0 controls but tab and line ends, U+FFFE/U+FFFF, lone surrogates), or -1. */
    static int unwritableInXml(String s) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
            if (!ok) return c;
            i += Character.charCount(c);
        }
        return -1;
    }

    private static String describe(Node value) {
        return value.isLiteral() ? "'" + value.getLiteralLexicalForm() + "'" : "<" + value + ">";
    }

    private static Problem problem(ParsedRecord r, String field, long line, String reason) {
        return new Problem(r.source(), line, r.label(), field, reason);
    }
}
