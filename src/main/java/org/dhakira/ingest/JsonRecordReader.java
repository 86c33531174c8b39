package org.dhakira.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.dhakira.store.RecordId;
import org.dhakira.vocab.JsonLdContext;
import org.dhakira.vocab.JsonLdContext.Field;
import org.dhakira.vocab.Kind;
import org.dhakira.vocab.Vocabulary;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads records in the archive's JSON format, as a stream: one object, an array of objects, or JSON Lines,
 * in constant memory whatever the size. The fields are those of the JSON-LD context ({@link JsonLdContext}),
 * so that every record file is also JSON-LD. Two fields are JSON-only: {@code "@context"} is ignored, and
 * {@code "deleted": true} (with {@code id} and {@code kind}) asks for the record to be deleted.
 */
final class JsonRecordReader implements RecordReader {

    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*");
    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Node UNNAMED = NodeFactory.createURI("urn:dhakira:unnamed-record");
    // Deeply nested or huge values are hostile input, not records.
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(32).maxStringLength(20_000_000).build();

    private final Vocabulary vocabulary;
    private final JsonLdContext context;
    private final String base;
    private final ObjectMapper mapper;

    JsonRecordReader(Vocabulary vocabulary, String base) {
        this.vocabulary = vocabulary;
        this.context = vocabulary.context();
        this.base = base;
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(LIMITS).build();
        this.mapper = new ObjectMapper(factory);
    }

    @Override
    public void read(String source, InputStream in, Consumer<ParsedRecord> sink) {
        String name = source.toLowerCase(java.util.Locale.ROOT).replaceFirst("\\.gz$", "");
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) readLines(source, in, sink);
        else readDocument(source, in, sink);
    }

    /**
     * JSON Lines, one parser per line: a broken line is reported with its own number and the lines after it
     * are still checked.
     */
    private void readLines(String source, InputStream in, Consumer<ParsedRecord> sink) {
        java.nio.charset.CharsetDecoder utf8 = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        long n = 0;
        try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(in, utf8), 1 << 16)) {
            String line;
            while ((line = lines.readLine()) != null) {
                n++;
                if (n == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
                if (line.isBlank()) continue;
                try (JsonParser p = mapper.getFactory().createParser(line)) {
                    JsonToken t = p.nextToken();
                    if (t != JsonToken.START_OBJECT) {
                        sink.accept(failed(source, n, "a record must be a JSON object, found " + describe(t)));
                        continue;
                    }
                    ParsedRecord r = record(source, p, n, n - 1);
                    if (p.nextToken() != null) sink.accept(failed(source, n, "more than one value on the line; JSON Lines has one record per line"));
                    else sink.accept(r);
                } catch (JsonProcessingException e) {
                    sink.accept(failed(source, n, "malformed JSON: " + readable(e)));
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            sink.accept(failed(source, n + 1, "not valid UTF-8"));
        } catch (IOException e) {
            sink.accept(failed(source, n, "cannot read: " + e.getMessage()));
        }
    }

    private void readDocument(String source, InputStream in, Consumer<ParsedRecord> sink) {
        try (JsonParser p = mapper.getFactory().createParser(in)) {
            JsonToken t = p.nextToken();
            boolean inArray = t == JsonToken.START_ARRAY;
            if (inArray) t = p.nextToken();
            while (t != null && !(inArray && t == JsonToken.END_ARRAY)) {
                long line = p.currentTokenLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    sink.accept(failed(source, line, "a record must be a JSON object, found " + describe(t)));
                    p.skipChildren();
                } else {
                    sink.accept(record(source, p, line, 0));
                }
                t = p.nextToken();
            }
            if (inArray && p.nextToken() != null) {
                sink.accept(failed(source, p.currentTokenLocation().getLineNr(), "unexpected content after the closing ']'"));
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            sink.accept(failed(source, loc == null ? 0 : loc.getLineNr(), "malformed JSON: " + readable(e)));
        } catch (IOException e) {
            sink.accept(failed(source, 0, "cannot read: " + e.getMessage()));
        }
    }

    /** Jackson's message, without the names of its own classes for the limits it enforces. */
    private static String readable(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m.contains("getMaxNestingDepth")) return "nested deeper than " + LIMITS.getMaxNestingDepth() + " levels";
        if (m.contains("getMaxStringLength")) return "a string longer than " + LIMITS.getMaxStringLength() + " characters";
        return m;
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : t.asString();
        };
    }

    private static ParsedRecord failed(String source, long line, String reason) {
        return ParsedRecord.failed(source, line, reason);
    }

    /** A field as read: its name, the line its value starts on, and the value. */
    private record Entry(String name, long line, JsonNode value) {}

    /** Reads one object; {@code lineOffset} is added to the parser's own line numbers (JSON Lines parse line by line). */
    private ParsedRecord record(String source, JsonParser p, long line, long lineOffset) throws IOException {
        List<Entry> entries = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            long valueLine = lineOffset + p.currentTokenLocation().getLineNr();
            entries.add(new Entry(name, valueLine, mapper.readTree(p)));
        }
        return new RecordBuilder(source, line).build(entries);
    }

    /** Turns one object's fields into a graph, collecting every problem rather than stopping at the first. */
    private final class RecordBuilder {
        private final String source;
        private final long line;
        private final List<Problem> problems = new ArrayList<>();
        private final List<ParsedRecord.Reference> references = new ArrayList<>();
        private final Map<Node, Long> fieldLines = new HashMap<>();
        private final Graph graph = GraphFactory.createDefaultGraph();
        private String label;
        private Node subject = UNNAMED;

        RecordBuilder(String source, long line) {
            this.source = source;
            this.line = line;
            this.label = "record at line " + line;
        }

        ParsedRecord build(List<Entry> entries) {
            Map<String, Entry> byName = new HashMap<>();
            for (Entry e : entries) {
                if (byName.put(e.name(), e) != null) problem(e, "the field is given twice");
            }
            Optional<RecordId> id = identity(byName.get("id"), byName.get("kind"));
            boolean deletion = deletion(byName.get("deleted"), entries);
            if (!deletion) {
                for (Entry e : entries) {
                    switch (e.name()) {
                        case "id", "kind", "@context", "deleted" -> { }
                        default -> field(e);
                    }
                }
            }
            return new ParsedRecord(source, line, id, deletion, graph, List.copyOf(references), List.copyOf(problems),
                    Map.copyOf(fieldLines));
        }

        private Optional<RecordId> identity(Entry idEntry, Entry kindEntry) {
            Optional<Kind> kind = Optional.empty();
            if (kindEntry == null) {
                problem("kind", line, "is missing (one of: " + Kind.segments() + ")");
            } else if (!kindEntry.value().isTextual()) {
                problem(kindEntry, "must be a string (one of: " + Kind.segments() + ")");
            } else {
                kind = Kind.fromSegment(kindEntry.value().asText());
                if (kind.isEmpty()) problem(kindEntry, "'" + kindEntry.value().asText() + "' is not a kind of record (one of: " + Kind.segments() + ")");
            }
            if (idEntry == null) {
                problem("id", line, "is missing: every record needs an id such as \"document/my-key\"");
                return Optional.empty();
            }
            if (!idEntry.value().isTextual()) {
                problem(idEntry, "must be a string such as \"document/my-key\"");
                return Optional.empty();
            }
            RecordId id;
            try {
                id = RecordId.parse(idEntry.value().asText());
            } catch (IllegalArgumentException e) {
                problem(idEntry, e.getMessage());
                return Optional.empty();
            }
            label = id.path();
            subject = NodeFactory.createURI(id.iri(base));
            if (kind.isPresent() && kind.get() != id.kind()) {
                problem(kindEntry, "is '" + kind.get().segment() + "' but the id says '" + id.kind().segment() + "'");
            }
            kind.ifPresent(k -> graph.add(Triple.create(subject, RDF.type.asNode(), k.type())));
            return Optional.of(id);
        }

        private boolean deletion(Entry deleted, List<Entry> entries) {
            if (deleted == null) return false;
            if (!deleted.value().isBoolean()) {
                problem(deleted, "must be true or false");
                return false;
            }
            if (!deleted.value().asBoolean()) return false;
            for (Entry e : entries) {
                if (!List.of("id", "kind", "deleted", "@context").contains(e.name())) {
                    problem(e, "a deletion carries only id, kind and \"deleted\": true");
                }
            }
            return true;
        }

        private void field(Entry e) {
            Optional<Field> known = context.field(e.name());
            if (known.isEmpty()) {
                problem(e, "unknown field");
                return;
            }
            Field f = known.get();
            fieldLines.put(f.property(), e.line());
            JsonNode v = e.value();
            if (v.isNull()) return;
            switch (f.valueKind()) {
                case LANGUAGE_MAP -> languageMap(e, f);
                case REFERENCE, VOCAB, TYPED, STRING -> {
                    if (v.isArray()) {
                        if (!f.multiple()) {
                            problem(e, "takes one value, not a list");
                            return;
                        }
                        for (JsonNode item : v) single(e, f, item);
                    } else {
                        single(e, f, v);
                    }
                }
            }
        }

        private void languageMap(Entry e, Field f) {
            if (!e.value().isObject()) {
                problem(e, "must be an object of languages, such as {\"ar\": \"…\", \"en\": \"…\"}");
                return;
            }
            e.value().fields().forEachRemaining(lang -> {
                if (!LANGUAGE.matcher(lang.getKey()).matches() || !wellFormedTag(lang.getKey())) {
                    problem(e, "'" + lang.getKey() + "' is not a language tag (such as ar, en)");
                    return;
                }
                List<JsonNode> texts = new ArrayList<>();
                if (lang.getValue().isArray()) lang.getValue().forEach(texts::add);
                else texts.add(lang.getValue());
                for (JsonNode text : texts) {
                    if (!text.isTextual()) {
                        problem(e, "the " + lang.getKey() + " value must be a string");
                    } else if (text.asText().isBlank()) {
                        problem(e, "the " + lang.getKey() + " value is empty");
                    } else {
                        add(f, NodeFactory.createLiteralLang(text.asText(), lang.getKey()));
                    }
                }
            });
        }

        private static boolean wellFormedTag(String tag) {
            try {
                new java.util.Locale.Builder().setLanguageTag(tag);
                return true;
            } catch (java.util.IllformedLocaleException e) {
                return false;
            }
        }

        private void single(Entry e, Field f, JsonNode v) {
            if (!v.isTextual()) {
                problem(e, "must be a string");
                return;
            }
            String s = v.asText();
            switch (f.valueKind()) {
                case REFERENCE -> reference(e, f, s);
                case VOCAB -> {
                    Optional<Node> term = context.term(s).map(NodeFactory::createURI)
                            .filter(n -> vocabulary.allowedValues(f.property()).contains(n));
                    if (term.isPresent()) add(f, term.get());
                    else problem(e, "unknown value '" + s + "' (one of: " + vocabulary.allowedValueNames(f.property()) + ")");
                }
                case TYPED -> typed(e, f, s);
                default -> {
                    if (s.isBlank()) problem(e, "is empty");
                    else add(f, NodeFactory.createLiteralString(s));
                }
            }
        }

        private void reference(Entry e, Field f, String s) {
            if (s.contains(":")) {
                try {
                    IRIx iri = IRIx.create(s);
                    if (!iri.isAbsolute()) throw new IRIException("not absolute");
                } catch (IRIException ex) {
                    problem(e, "'" + s + "' is not a valid absolute URL");
                    return;
                }
                add(f, NodeFactory.createURI(s));
                RecordId.fromIri(base, s).ifPresent(target -> references.add(new ParsedRecord.Reference(target, f.property(), e.name(), e.line())));
                return;
            }
            try {
                RecordId target = RecordId.parse(s);
                add(f, NodeFactory.createURI(target.iri(base)));
                references.add(new ParsedRecord.Reference(target, f.property(), e.name(), e.line()));
            } catch (IllegalArgumentException ex) {
                problem(e, "'" + s + "' is neither a record (kind/key) nor an absolute URL: " + ex.getMessage());
            }
        }

        private void typed(Entry e, Field f, String s) {
            String datatype = f.datatype().orElseThrow();
            if (datatype.endsWith("#date")) {
                if (!DATE_SHAPE.matcher(s).matches()) {
                    problem(e, "'" + s + "' is not a date of the form YYYY-MM-DD");
                    return;
                }
                try {
                    if (LocalDate.parse(s).getYear() < 1) throw new DateTimeParseException("year 0", s, 0);
                } catch (DateTimeParseException ex) {
                    problem(e, "'" + s + "' is not a date that exists");
                    return;
                }
            }
            add(f, NodeFactory.createLiteralDT(s, TypeMapper.getInstance().getSafeTypeByName(datatype)));
        }

        private void add(Field f, Node object) {
            graph.add(Triple.create(subject, f.property(), object));
        }

        private void problem(Entry e, String reason) {
            problem(e.name(), e.line(), reason);
        }

        private void problem(String field, long at, String reason) {
            problems.add(new Problem(source, at, label, field, reason));
        }
    }
}
