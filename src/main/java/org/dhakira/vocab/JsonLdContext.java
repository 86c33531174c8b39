package org.dhakira.vocab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The record JSON format, as the JSON-LD context in {@code vocab/context.jsonld} defines it. The JSON reader
 * follows this context, so that a record file is also valid JSON-LD and the two readings cannot drift apart.
 * Only the small part of JSON-LD the context uses is understood: prefixes, {@code @id}, {@code @type},
 * {@code @language} and {@code @set} containers.
 */
public final class JsonLdContext {

    /** How a field's value becomes RDF. */
    public enum ValueKind {
        /** {@code {"ar": "…", "en": ["…"]}}: language-tagged strings. */
        LANGUAGE_MAP,
        /** A reference to a thing, relative to the archive's {@code id/} or absolute. */
        REFERENCE,
        /** A term of a scheme, named by its short name in the context ({@code "press-statement"}). */
        VOCAB,
        /** A typed literal ({@code xsd:date}). */
        TYPED,
        /** A plain string. */
        STRING
    }

    /** One field of the record format. */
    public record Field(String name, Node property, ValueKind valueKind, Optional<String> datatype, boolean multiple) {}

    private final Map<String, Field> fields;
    private final Map<String, String> terms;
    private final Map<Node, String> fieldNames;
    private final String json;

    private JsonLdContext(Map<String, Field> fields, Map<String, String> terms, String json) {
        this.fields = Collections.unmodifiableMap(fields);
        this.terms = Collections.unmodifiableMap(terms);
        this.fieldNames = fields.values().stream()
                .collect(Collectors.toUnmodifiableMap(Field::property, Field::name, (a, b) -> a));
        this.json = json;
    }

    public static JsonLdContext read(InputStream in) {
        try {
            ObjectMapper mapper = new ObjectMapper();
            JsonNode root = mapper.readTree(in);
            JsonNode ctx = root.path("@context");
            if (!ctx.isObject()) throw new IllegalArgumentException("context.jsonld has no @context object");
            Map<String, String> prefixes = new LinkedHashMap<>();
            ctx.fields().forEachRemaining(e -> {
                if (e.getValue().isTextual() && e.getValue().asText().endsWith("/")
                        || e.getValue().isTextual() && e.getValue().asText().endsWith("#")) {
                    prefixes.put(e.getKey(), e.getValue().asText());
                }
            });
            Map<String, Field> fields = new LinkedHashMap<>();
            Map<String, String> terms = new LinkedHashMap<>();
            ctx.fields().forEachRemaining(e -> {
                String name = e.getKey();
                JsonNode def = e.getValue();
                if (name.startsWith("@") || prefixes.containsKey(name)) return;
                if (def.isTextual()) {
                    if (!def.asText().startsWith("@")) terms.put(name, expand(def.asText(), prefixes));
                    return;
                }
                Node property = NodeFactory.createURI(expand(def.path("@id").asText(), prefixes));
                String type = def.path("@type").asText("");
                String container = def.path("@container").asText("");
                ValueKind kind;
                Optional<String> datatype = Optional.empty();
                if ("@language".equals(container)) kind = ValueKind.LANGUAGE_MAP;
                else if ("@id".equals(type)) kind = ValueKind.REFERENCE;
                else if ("@vocab".equals(type)) kind = ValueKind.VOCAB;
                else if (!type.isEmpty()) {
                    kind = ValueKind.TYPED;
                    datatype = Optional.of(expand(type, prefixes));
                } else kind = ValueKind.STRING;
                fields.put(name, new Field(name, property, kind, datatype, "@set".equals(container)));
            });
            return new JsonLdContext(fields, terms, mapper.writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JSON-LD context", e);
        }
    }

    private static String expand(String curie, Map<String, String> prefixes) {
        int colon = curie.indexOf(':');
        if (colon > 0) {
            String ns = prefixes.get(curie.substring(0, colon));
            if (ns != null) return ns + curie.substring(colon + 1);
        }
        return curie;
    }

    public Optional<Field> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** The IRI a short term such as {@code press-statement} stands for. */
    public Optional<String> term(String name) {
        return Optional.ofNullable(terms.get(name));
    }

    /** The JSON field that carries {@code property}, for error messages; the IRI when no field does. */
    public String fieldName(Node property) {
        return fieldNames.getOrDefault(property, property.isURI() ? property.getURI() : property.toString());
    }

    /** Every short term and the IRI it stands for, in the context's order. */
    public Map<String, String> termNames() {
        return terms;
    }

    /** The context document itself, as JSON. */
    public String json() {
        return json;
    }
}
