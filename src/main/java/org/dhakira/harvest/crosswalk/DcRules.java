package org.dhakira.harvest.crosswalk;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.dhakira.vocab.Arch;
import org.dhakira.vocab.DataFiles;
import org.dhakira.vocab.Kind;
import org.dhakira.vocab.Vocabulary;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The oai_dc crosswalk as its librarian wrote it in {@code harvest/crosswalks/oai_dc.json}: where each Dublin Core
 * element goes, which free {@code dc:type} strings mean which document type, the language names peers use, and
 * the reliability grade harvested records start with. Read once and checked whole: a mistake is refused with the
 * element or field it is in, so that no harvest runs on a half-read crosswalk.
 *
 * <pre>{@code DcRules rules = DcRules.load(config.dataFiles(), vocabulary);}</pre>
 *
 * @param types        folded type string ({@link Folded}) → document-type concept
 * @param genericTypes folded type strings that say nothing about a document's form ("Text"): ignored quietly
 * @param unmappedType the type a record gets when none of its types maps; empty refuses such records
 * @param languages    folded language name or code → the language tag the archive uses
 */
public record DcRules(Map<String, Rule> elements, Node reliability, Map<String, Node> types, Set<String> genericTypes,
                      Optional<Node> unmappedType, Map<String, String> languages) {

    public static final String FILE = "harvest/crosswalks/oai_dc.json";

    /** The fifteen elements of Dublin Core 1.1, all oai_dc has. */
    public static final Set<String> DC_ELEMENTS = Set.of("title", "creator", "subject", "description", "publisher", "contributor",
            "date", "type", "format", "identifier", "source", "language", "relation", "coverage", "rights");

    static final String DC = OaiDcReader.DC;
    static final String DCTERMS = "http://purl.org/dc/terms/";

    /** How an element's values are read, which follows from where they go. */
    public enum Handling { TEXT, DATE, TYPE, LANGUAGE, URL, NAMES, COPY }

    /**
     * Where one element's values go. {@code to} is the main property; {@code others} takes what {@code to} cannot
     * (a second title in one language, an identifier that is not a URL, a second issuer); {@code partial} a date
     * that is only a year or a month; for names, {@code organisation} and {@code person} take a name matched to a
     * record of that kind and {@code unmatched} the names matched to none, as text.
     */
    public record Rule(Handling handling, Optional<Node> to, Optional<Node> others, Optional<Node> partial,
                       Optional<Node> organisation, Optional<Node> person, Optional<Node> unmatched) {
        public Rule {
            if (handling == null) throw new IllegalArgumentException("a rule needs a handling");
            if (handling == Handling.NAMES ? organisation.isEmpty() || person.isEmpty() : to.isEmpty()) {
                throw new IllegalArgumentException(handling == Handling.NAMES ? "organisation and person are required" : "to is required");
            }
        }
    }

    public DcRules {
        java.util.Objects.requireNonNull(reliability, "reliability");
        java.util.Objects.requireNonNull(unmappedType, "unmappedType");
        elements = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(elements)); // in the file's order, which notes follow
        types = Map.copyOf(types);
        genericTypes = Set.copyOf(genericTypes);
        languages = Map.copyOf(languages);
        if (!elements.keySet().stream().allMatch(DC_ELEMENTS::contains)) throw new IllegalArgumentException("elements: only Dublin Core 1.1 elements");
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public static DcRules load(DataFiles files, Vocabulary vocabulary) {
        try (InputStream in = files.open(FILE)) {
            return read(in, vocabulary);
        } catch (IOException e) {
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage()
                    + (j.getLocation() != null ? " (line " + j.getLocation().getLineNr() + ")" : "") : e.getMessage();
            throw new IllegalArgumentException(FILE + ": not valid JSON: " + message, e);
        }
    }

    static DcRules read(InputStream in, Vocabulary vocabulary) throws IOException {
        JsonNode root = JSON.readTree(in);
        if (root == null || !root.isObject()) throw new IllegalArgumentException(FILE + ": must be an object");
        known(root, "", "elements", "reliability", "types", "genericTypes", "unmappedType", "languages");
        if (!root.path("elements").isObject()) throw new IllegalArgumentException(FILE + ": elements: must be an object of Dublin Core elements");
        Map<String, Rule> elements = new LinkedHashMap<>();
        root.get("elements").fields().forEachRemaining(e -> {
            String where = "elements." + e.getKey();
            if (!DC_ELEMENTS.contains(e.getKey())) throw invalid(where, "is not a Dublin Core 1.1 element (" + String.join(", ", new java.util.TreeSet<>(DC_ELEMENTS)) + ")");
            elements.put(e.getKey(), rule(where, e.getValue(), vocabulary));
        });
        Node reliability = concept("reliability", text(root, "reliability"), Arch.reliability, vocabulary);
        Map<String, Node> types = new HashMap<>();
        Map<String, String> typeOwners = new HashMap<>();
        if (!root.path("types").isObject()) throw invalid("types", "must be an object of document types, each with its list of dc:type strings");
        root.get("types").fields().forEachRemaining(e -> {
            String where = "types." + e.getKey();
            Node concept = concept(where, e.getKey(), Arch.documentType, vocabulary);
            for (String s : strings(where, e.getValue())) {
                String folded = Folded.of(s);
                String before = typeOwners.put(folded, e.getKey());
                if (before != null && !before.equals(e.getKey())) throw invalid(where, "'" + s + "' is also listed under " + before);
                types.put(folded, concept);
            }
        });
        Set<String> generic = new java.util.HashSet<>();
        for (String s : strings("genericTypes", root.path("genericTypes"))) {
            String folded = Folded.of(s);
            if (types.containsKey(folded)) throw invalid("genericTypes", "'" + s + "' is also listed under types." + typeOwners.get(folded));
            generic.add(folded);
        }
        Optional<Node> unmapped = root.path("unmappedType").isNull() || root.path("unmappedType").isMissingNode() ? Optional.empty()
                : Optional.of(concept("unmappedType", text(root, "unmappedType"), Arch.documentType, vocabulary));
        Map<String, String> languages = new HashMap<>();
        if (!root.path("languages").isObject()) throw invalid("languages", "must be an object of language tags, each with the names and codes peers use for it");
        root.get("languages").fields().forEachRemaining(e -> {
            String where = "languages." + e.getKey();
            if (!e.getKey().matches("[a-z]{2,3}")) throw invalid(where, "must be a lower-case language code such as ar or en");
            for (String s : strings(where, e.getValue())) {
                String before = languages.put(Folded.of(s), e.getKey());
                if (before != null && !before.equals(e.getKey())) throw invalid(where, "'" + s + "' is also listed under " + before);
            }
        });
        return new DcRules(elements, reliability, types, generic, unmapped, languages);
    }

    private static Rule rule(String where, JsonNode r, Vocabulary vocabulary) {
        if (!r.isObject()) throw invalid(where, "must be an object such as {\"to\": \"arch:title\"}");
        if (r.has("organisation") || r.has("person")) {
            known(r, where, "organisation", "person", "others", "unmatched");
            Node org = property(where + ".organisation", text(r, "organisation", where), vocabulary, Kind.ORGANISATION);
            Node person = property(where + ".person", text(r, "person", where), vocabulary, Kind.PERSON);
            return new Rule(Handling.NAMES, Optional.empty(), standard(where, r, "others"), Optional.empty(), Optional.of(org),
                    Optional.of(person), standard(where, r, "unmatched"));
        }
        Node to = property(where + ".to", text(r, "to", where), vocabulary, null);
        Handling handling = handling(to);
        switch (handling) {
            case TEXT, URL -> known(r, where, "to", "others");
            case DATE -> known(r, where, "to", "partial");
            default -> known(r, where, "to");
        }
        return new Rule(handling, Optional.of(to), standard(where, r, "others"), standard(where, r, "partial"),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Handling handling(Node to) {
        if (to.equals(Arch.title) || to.equals(Arch.summary) || to.equals(Arch.body)) return Handling.TEXT;
        if (to.equals(Arch.issued)) return Handling.DATE;
        if (to.equals(Arch.documentType)) return Handling.TYPE;
        if (to.equals(Arch.originalLanguage)) return Handling.LANGUAGE;
        if (to.equals(Arch.sourceUrl)) return Handling.URL;
        return Handling.COPY;
    }

    /**
     * A property named {@code arch:…}, {@code dc:…} or {@code dcterms:…}. An archive term must be a field of
     * documents this crosswalk knows how to fill; with {@code kind}, one that links to records of that kind.
     */
    private static Node property(String where, String name, Vocabulary vocabulary, Kind kind) {
        if (name.startsWith("dc:") || name.startsWith("dcterms:")) return standard(where, name);
        if (!name.startsWith("arch:")) throw invalid(where, "'" + name + "' must be arch:…, dc:… or dcterms:…");
        Node p = NodeFactory.createURI(Arch.NS + name.substring(5));
        if (!vocabulary.defines(p)) throw invalid(where, "'" + name + "' is not a term of the archive vocabulary");
        if (!vocabulary.fieldsOf(Kind.DOCUMENT).contains(p)) throw invalid(where, "'" + name + "' is not a field of documents");
        if (kind != null && !vocabulary.kindsFor(p).contains(kind)) throw invalid(where, "'" + name + "' does not link to " + kind.segment() + " records");
        if (kind == null && handling(p) == Handling.COPY) {
            throw invalid(where, "'" + name + "' is not one this crosswalk fills from text (title, summary, body, issued, documentType, originalLanguage, sourceUrl)");
        }
        return p;
    }

    private static Optional<Node> standard(String where, JsonNode r, String field) {
        return r.hasNonNull(field) ? Optional.of(standard(where + "." + field, text(r, field, where))) : Optional.empty();
    }

    /** A Dublin Core property: outside the archive's shapes, for what the archive's own fields cannot hold. */
    private static Node standard(String where, String name) {
        String local = name.substring(name.indexOf(':') + 1);
        if (!local.matches("[a-zA-Z]+")) throw invalid(where, "'" + name + "' is not a property name");
        if (name.startsWith("dc:")) {
            if (!DC_ELEMENTS.contains(local)) throw invalid(where, "'" + name + "' is not a Dublin Core 1.1 element");
            return NodeFactory.createURI(DC + local);
        }
        if (name.startsWith("dcterms:")) return NodeFactory.createURI(DCTERMS + local);
        throw invalid(where, "'" + name + "' must be dc:… or dcterms:…");
    }

    private static Node concept(String where, String notation, Node property, Vocabulary vocabulary) {
        Node n = property.equals(Arch.documentType) ? Vocabulary.documentType(notation) : Vocabulary.reliability(notation);
        if (!vocabulary.allowedValues(property).contains(n)) {
            throw invalid(where, "'" + notation + "' is not one of " + vocabulary.allowedValueNames(property));
        }
        return n;
    }

    private static List<String> strings(String where, JsonNode list) {
        if (list.isMissingNode()) return List.of();
        if (!list.isArray()) throw invalid(where, "must be a list of strings");
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode s : list) {
            if (!s.isTextual() || s.asText().isBlank()) throw invalid(where, "must be a list of non-empty strings");
            if (Folded.of(s.asText()).isEmpty()) throw invalid(where, "'" + s.asText() + "' has no letters or digits");
            out.add(s.asText());
        }
        return out;
    }

    private static String text(JsonNode o, String field) {
        return text(o, field, "");
    }

    private static String text(JsonNode o, String field, String where) {
        String at = where.isEmpty() ? field : where + "." + field;
        if (!o.hasNonNull(field)) throw invalid(at, "is missing");
        if (!o.get(field).isTextual()) throw invalid(at, "must be a string");
        return o.get(field).asText();
    }

    private static void known(JsonNode o, String where, String... fields) {
        Set<String> allowed = Set.of(fields);
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) throw invalid(where.isEmpty() ? f : where + "." + f, "unknown field (here: " + String.join(", ", fields) + ")");
        }
    }

    private static IllegalArgumentException invalid(String where, String reason) {
        return new IllegalArgumentException(FILE + ": " + where + ": " + reason);
    }
}
