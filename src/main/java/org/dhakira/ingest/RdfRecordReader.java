package org.dhakira.ingest;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.dhakira.store.RecordId;
import org.dhakira.store.UriSpace;
import org.dhakira.vocab.JsonLdContext;

/**
 * Reads records from RDF: in TriG and N-Quads each named graph is a record (streamed: a record's quads must
 * be contiguous, as exports write them); in triple formats (and TriG's default graph) each subject is one.
 * Records are named by URIs under this archive's {@code {base}id/}. Blank nodes are refused, because a record's
 * content must be stable to compare and to replicate.
 */
final class RdfRecordReader implements RecordReader {

    private final Lang lang;
    private final String base;
    private final JsonLdContext context;

    RdfRecordReader(Lang lang, String base, JsonLdContext context) {
        this.lang = lang;
        this.base = base;
        this.context = context;
    }

    /** Every warning is an error: input that Jena merely warns about (bad IRIs, bad literals) is not loaded. */
    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(String message, long line, long col) {
            throw new RiotParseException(message, line, col);
        }

        @Override
        public void error(String message, long line, long col) {
            throw new RiotParseException(message, line, col);
        }

        @Override
        public void fatal(String message, long line, long col) {
            throw new RiotParseException(message, line, col);
        }
    };

    @Override
    public void read(String source, InputStream in, Consumer<ParsedRecord> sink) {
        Grouper grouper = new Grouper(source, sink);
        if (lang.equals(Lang.JSONLD)) {
            byte[] json;
            try {
                json = in.readAllBytes();
            } catch (java.io.IOException e) {
                sink.accept(ParsedRecord.failed(source, 0, "cannot read: " + e.getMessage()));
                return;
            }
            Optional<String> refusal = refusal(json);
            if (refusal.isPresent()) {
                sink.accept(ParsedRecord.failed(source, 0, refusal.get()));
                return;
            }
            in = new java.io.ByteArrayInputStream(json);
        }
        try {
            RDFParser.source(in).lang(lang).base(base + "id/")
                    .errorHandler(STRICT)
                    .parse(grouper);
            grouper.flush();
        } catch (RiotParseException e) {
            grouper.flush();
            sink.accept(ParsedRecord.failed(source, e.getLine(), "malformed " + lang.getLabel() + " at line " + e.getLine()
                    + ", column " + e.getCol() + ": " + e.getOriginalMessage()));
        } catch (RiotException e) {
            grouper.flush();
            sink.accept(ParsedRecord.failed(source, 0, "malformed " + lang.getLabel() + ": " + e.getMessage()));
        }
    }


    /**
     * Why JSON-LD is refused before it is parsed, if it is. It may name remote contexts, which the parser would
     * fetch: input must not make the archive fetch anything (embed the context, or use the archive's JSON format).
     */
    private static Optional<String> refusal(byte[] json) {
        try {
            return remoteContext(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json), false)
                    .map(remote -> "names a remote @context (" + remote + "), which the archive does not fetch;"
                            + " embed the context, or load the archive's JSON format");
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            // Refused here: the JSON-LD processor walks nesting by recursion, and deep enough nesting overflows its stack.
            return Optional.of("is JSON nested too deeply to be a record: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            return Optional.empty(); // the RDF parser reports malformed JSON with its position
        }
    }

    /** Any string in an {@code @context} (at any depth, scoped contexts included) or an {@code @import}. */
    private static Optional<String> remoteContext(com.fasterxml.jackson.databind.JsonNode node, boolean inContext) {
        if (node == null) return Optional.empty();
        if (node.isTextual()) return inContext ? Optional.of(node.asText()) : Optional.empty();
        if (node.isArray()) {
            for (com.fasterxml.jackson.databind.JsonNode item : node) {
                Optional<String> found = remoteContext(item, inContext);
                if (found.isPresent()) return found;
            }
            return Optional.empty();
        }
        var fields = node.fields();
        while (fields.hasNext()) {
            var f = fields.next();
            String key = f.getKey();
            if (key.equals("@context") || key.equals("@import")) {
                Optional<String> found = remoteContext(f.getValue(), true);
                if (found.isPresent()) return found;
            } else if (!(inContext && f.getValue().isTextual())) { // a string inside a context defines a term
                Optional<String> found = remoteContext(f.getValue(), inContext && f.getValue().isObject() ? false : inContext);
                if (found.isPresent()) return found;
            }
        }
        return Optional.empty();
    }

    /** Gathers quads into records: named graphs as they stream past, default-graph triples by subject at the end. */
    private final class Grouper extends StreamRDFBase {
        private final String source;
        private final Consumer<ParsedRecord> sink;
        private final Map<Node, Graph> bySubject = new LinkedHashMap<>();
        private final Set<Node> graphsDone = new HashSet<>();
        private Node currentGraph;
        private Graph current;

        Grouper(String source, Consumer<ParsedRecord> sink) {
            this.source = source;
            this.sink = sink;
        }

        @Override
        public void triple(Triple t) {
            bySubject.computeIfAbsent(t.getSubject(), s -> GraphFactory.createDefaultGraph()).add(t);
        }

        @Override
        public void quad(Quad q) {
            if (q.isDefaultGraph()) {
                triple(q.asTriple());
                return;
            }
            if (!q.getGraph().equals(currentGraph)) {
                emitCurrent();
                currentGraph = q.getGraph();
                current = GraphFactory.createDefaultGraph();
                if (!graphsDone.add(currentGraph)) {
                    sink.accept(record(currentGraph, GraphFactory.createDefaultGraph(), List.of(
                            "the graph appears again after other graphs; keep each record's quads together")));
                    current = null;
                }
            }
            if (current != null) current.add(q.asTriple());
        }

        void flush() {
            emitCurrent();
            bySubject.forEach((s, g) -> sink.accept(record(s, g, List.of())));
            bySubject.clear();
        }

        private void emitCurrent() {
            if (current != null) sink.accept(record(currentGraph, current, List.of()));
            current = null;
        }

        private ParsedRecord record(Node name, Graph g, List<String> reasons) {
            List<Problem> problems = new ArrayList<>();
            Optional<RecordId> id = name.isURI() ? RecordId.fromIri(base, name.getURI()) : Optional.empty();
            String label = id.map(RecordId::path).orElse(name.toString());
            reasons.forEach(r -> problems.add(new Problem(source, 0, label, "", r)));
            if (id.isEmpty()) {
                problems.add(new Problem(source, 0, label, "", "is not a URI of this archive's records ("
                        + base + "id/{kind}/{key})"));
            } else if (id.get().key().indexOf(UriSpace.ORIGIN_SEPARATOR) >= 0) {
                problems.add(new Problem(source, 0, label, "id", JsonRecordBuilder.HARVESTED_KEYS));
            }
            boolean blank = g.stream().anyMatch(t -> t.getSubject().isBlank() || t.getObject().isBlank());
            if (blank) problems.add(new Problem(source, 0, label, "", "has blank nodes; give every node a URI"));
            List<ParsedRecord.Reference> refs = new ArrayList<>();
            g.find().forEach(t -> {
                if (t.getObject().isURI() && !t.getObject().equals(name)) {
                    RecordId.fromIri(base, t.getObject().getURI()).ifPresent(target ->
                            refs.add(new ParsedRecord.Reference(target, t.getPredicate(), context.fieldName(t.getPredicate()), 0)));
                }
            });
            boolean tombstone = g.contains(name, org.apache.jena.vocabulary.RDF.type.asNode(), org.dhakira.vocab.Arch.Tombstone);
            g.find().forEach(t -> {
                if (!t.getSubject().equals(name) && !t.getSubject().isBlank() && problems.stream().noneMatch(p -> p.reason().contains("statements about"))) {
                    problems.add(new Problem(source, 0, label, "", "the record holds statements about " + t.getSubject()
                            + "; a record describes itself only (its graph or subject is its URI)"));
                }
            });
            return new ParsedRecord(source, 0, id, tombstone, g, tombstone ? List.of() : refs, problems, Map.of());
        }
    }
}
