package org.dhakira.web;

import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.dhakira.describe.Description;
import org.dhakira.vocab.Arch;
import org.dhakira.vocab.Kind;
import org.dhakira.vocab.Vocabulary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The schema.org JSON-LD a page embeds for search engines: a document as {@code CreativeWork} and
 * {@code ArchiveComponent} held by the archive, the other kinds as {@code Organization}, {@code Person},
 * {@code Place} and {@code Event}. The text is made safe to stand inside {@code <script>}: every {@code <},
 * {@code >} and {@code &} is written as a JSON escape ({@code \u003c}), so no value can close the element
 * or open a comment, and a JSON parser still reads the value unchanged.
 *
 * <pre>{@code String json = new SchemaOrg(vocabulary, uris).scriptSafe(description, literals);}</pre>
 */
final class SchemaOrg {

    private final ObjectMapper json = new ObjectMapper(new com.fasterxml.jackson.core.JsonFactory().setCharacterEscapes(new ScriptSafe()));

    private static final Map<Kind, String> TYPES = Map.of(Kind.ORGANISATION, "Organization", Kind.PERSON, "Person",
            Kind.PLACE, "Place", Kind.EVENT, "Event");

    private final Vocabulary vocabulary;

    private final org.dhakira.store.UriSpace uris;

    SchemaOrg(Vocabulary vocabulary, org.dhakira.store.UriSpace uris) {
        this.vocabulary = vocabulary;
        this.uris = uris;
    }

    /** The JSON-LD of a live record, ready to stand between {@code <script type="application/ld+json">} tags. */
    String scriptSafe(Description d, Literals own) {
        String base = uris.base();
        ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        o.put("@context", "https://schema.org");
        Kind kind = d.id().kind();
        boolean document = kind == Kind.DOCUMENT;
        if (document) {
            o.putArray("@type").add("CreativeWork").add("ArchiveComponent");
        } else {
            o.put("@type", TYPES.get(kind));
        }
        o.put("@id", uris.iri(d.id()));
        o.put("url", base + "doc/" + d.id().path());
        texts(o, "name", own, kind == Kind.DOCUMENT || kind == Kind.EVENT ? Arch.title : Arch.name);
        texts(o, "alternateName", own, Arch.alias);
        texts(o, "description", own, Arch.summary);
        if (document) {
            texts(o, "text", own, Arch.body);
            own.first(Arch.issued).ifPresent(day -> o.put("dateCreated", day).put("datePublished", day));
            own.first(Arch.originalLanguage).ifPresent(l -> o.put("inLanguage", l));
            own.first(Arch.archiveCode).ifPresent(c -> o.put("identifier", c));
            own.first(Arch.sourceUrl).ifPresent(u -> o.put("isBasedOn", u));
            for (String t : own.iris(Arch.documentType)) {
                vocabulary.label(NodeFactory.createURI(t), "en").ifPresent(l -> o.put("genre", l));
            }
            ObjectNode archive = o.putObject("holdingArchive");
            archive.put("@type", "ArchiveOrganization").put("@id", base).put("name", "Dhakira — ذاكرة");
        } else {
            o.put("identifier", d.id().path());
        }
        if (kind == Kind.EVENT) own.first(Arch.date).ifPresent(day -> o.put("startDate", day));
        links(o, d, "creator", List.of(Arch.issuer));
        links(o, d, "publisher", List.of(Arch.issuer));
        links(o, d, "about", List.of(Arch.relatedOrganisation, Arch.relatedPerson, Arch.relatedEvent));
        links(o, d, "mentions", List.of(Arch.relatedPlace, Arch.relatedDocument));
        links(o, d, document ? "spatialCoverage" : "location", List.of(Arch.targetCountry));
        if (!document) {
            ArrayNode subjectOf = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            for (Description.Referrer r : d.referrers().shown()) subjectOf.add(thing(r.id().kind(), uris.iri(r.id()), r.labels()));
            if (!subjectOf.isEmpty()) o.set("subjectOf", subjectOf);
        }
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings cannot fail to serialise", e);
        }
    }

    /** Language-tagged values, as JSON-LD value objects. */
    private static void texts(ObjectNode o, String name, Literals own, Node property) {
        ArrayNode values = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        own.byLanguage(property).forEach((lang, texts) -> texts.forEach(t -> values.addObject().put("@value", t).put("@language", lang)));
        if (!values.isEmpty()) o.set(name, values);
    }

    private void links(ObjectNode o, Description d, String name, List<Node> properties) {
        ArrayNode values = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (Description.Link l : d.links()) {
            if (properties.contains(l.property()) && !l.deleted()) values.add(thing(l.target().kind(), uris.iri(l.target()), l.labels()));
        }
        if (!values.isEmpty()) o.set(name, values);
    }

    private static ObjectNode thing(Kind kind, String iri, Map<String, String> labels) {
        ObjectNode t = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        if (kind == Kind.DOCUMENT) {
            t.putArray("@type").add("CreativeWork").add("ArchiveComponent");
        } else {
            t.put("@type", TYPES.get(kind));
        }
        t.put("@id", iri);
        ArrayNode names = t.putArray("name");
        new java.util.TreeMap<>(labels).forEach((lang, l) -> names.addObject().put("@value", l).put("@language", lang));
        return t;
    }

    /** JSON's own escapes plus {@code < > &} as {@code \}{@code u00XX}: inert inside an HTML script element. */
    private static final class ScriptSafe extends CharacterEscapes {
        private final int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();

        ScriptSafe() {
            for (char c : new char[] {'<', '>', '&'}) escapes[c] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null; // only the standard escapes are used
        }
    }
}
