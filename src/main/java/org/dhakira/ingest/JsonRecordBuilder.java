package org.dhakira.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.dhakira.store.UriSpace;
import org.dhakira.vocab.JsonLdContext;
import org.dhakira.vocab.JsonLdContext.Field;
import org.dhakira.vocab.Kind;
import org.dhakira.vocab.Vocabulary;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns one JSON object's fields into a record's graph, following the JSON-LD context, and collects every
 * problem rather than stopping at the first. One builder per object.
 */
final class JsonRecordBuilder {

    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*");
    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Node UNNAMED = NodeFactory.createURI("urn:dhakira:unnamed-record");
    /** Keys with '~' name things harvested from other archives ({@link UriSpace}); a local record may not take one. */
    static final String HARVESTED_KEYS = "has '~' in its key, which is kept for records harvested from other archives";

    /** A field as read: its name, the line its value starts on, and the value. */
    record Entry(String name, long line, JsonNode value) {}

    private final Vocabulary vocabulary;
    private final JsonLdContext context;
    private final String base;
    private final String source;
    private final long line;
    private final List<Problem> problems = new ArrayList<>();
    private final List<ParsedRecord.Reference> references = new ArrayList<>();
    private final Map<Node, Long> fieldLines = new HashMap<>();
    private final Graph graph = GraphFactory.createDefaultGraph();
    private String label;
    private Node subject = UNNAMED;

    JsonRecordBuilder(Vocabulary vocabulary, String base, String source, long line) {
        this.vocabulary = vocabulary;
        this.context = vocabulary.context();
        this.base = base;
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
        if (id.key().indexOf(UriSpace.ORIGIN_SEPARATOR) >= 0) problem(idEntry, HARVESTED_KEYS);
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
