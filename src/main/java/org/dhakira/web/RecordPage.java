package org.dhakira.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.dhakira.describe.Description;
import org.dhakira.store.RecordId;
import org.dhakira.vocab.Arch;
import org.dhakira.vocab.Kind;
import org.dhakira.vocab.Vocabulary;

/**
 * The HTML pages of things: a record's description as a page people read, a tombstone's page, and the page of
 * a thing the archive does not have. Rendered from {@code server/templates} ({@code document}, {@code thing},
 * {@code tombstone}, {@code not-found}); {@code ui} is {@code ar} or {@code en}.
 *
 * <pre>{@code String html = new RecordPage(templates, vocabulary, uris).render(description, "ar");}</pre>
 */
public final class RecordPage {

    /** The archive's basic-information block, in the order its pages show it. */
    private static final List<Node> LINKED_FIELDS = List.of(Arch.issuer, Arch.relatedOrganisation, Arch.relatedPerson,
            Arch.relatedEvent, Arch.relatedPlace, Arch.relatedDocument);

    private final Templates templates;
    private final Vocabulary vocabulary;
    private final SchemaOrg schemaOrg;

    private final org.dhakira.store.UriSpace uris;

    public RecordPage(Templates templates, Vocabulary vocabulary, org.dhakira.store.UriSpace uris) {
        this.templates = templates;
        this.vocabulary = vocabulary;
        this.uris = uris;
        this.schemaOrg = new SchemaOrg(vocabulary, uris);
    }

    /** A part of a page: one value, with its language and direction when known, a link, a machine-readable day. */
    record Value(String text, String lang, String dir, String href, String datetime) {
        static Value text(String text, String lang) {
            return new Value(text, lang, lang == null ? null : PageFrame.dir(lang), null, null);
        }
    }

    /** A row of the basic-information block; {@code empty} rows say there is no information yet. */
    record Field(String key, String label, List<Value> values) {
        public boolean empty() {
            return values.isEmpty();
        }
    }

    /** The text in one language: the original or a translation (for documents), or simply that language's. */
    record Version(String lang, String dir, String languageName, boolean original, boolean translation,
                   String title, String summary, List<String> paragraphs) {
        public boolean hasBody() {
            return !paragraphs.isEmpty();
        }
    }

    record Referrer(Value name, String kind, Day date) {}


    record KindName(String segment, String label) {}

    /** The page of a live record or of a tombstone. */
    public String render(Description description, String ui) {
        return render(description, ui, false);
    }

    /** The page, {@code chosen} when the reader chose its language (then carried in every link). */
    public String render(Description description, String ui, boolean chosen) {
        RecordId id = description.id();
        Node self = self(description);
        Literals own = new Literals(description.record().graph(), self);
        PageFrame frame = PageFrame.at("/doc/" + id.path(), ui, "", chosen);
        Map<String, Object> v = frame.view();
        v.put("ui", ui);
        v.put("path", id.path());
        v.put("alternates", Alternates.offers("/doc/" + id.path()));
        if (description.deleted()) return tombstone(v, own, ui);

        Kind kind = id.kind();
        Node titleProperty = kind == Kind.DOCUMENT || kind == Kind.EVENT ? Arch.title : Arch.name;
        Value heading = inPreferredLanguage(own.byLanguage(titleProperty), ui).orElse(new Value(id.key(), null, "ltr", null, null));
        v.put("heading", heading);
        v.put("kind", capitalised(label(kind.type(), ui), ui));
        v.put("jsonLd", schemaOrg.scriptSafe(description, own));
        harvestedFrom(description.record().graph(), self, ui).ifPresent(h -> v.put("harvestedFrom", h));
        if (kind == Kind.DOCUMENT) {
            v.put("versions", versions(own, ui, true));
            v.put("fields", documentFields(description, own, frame));
            return templates.render("document", v);
        }
        v.put("aliases", aliases(own));
        v.put("hasAliases", !own.byLanguage(Arch.alias).isEmpty());
        v.put("versions", versions(own, ui, false));
        List<Field> fields = thingFields(description, own, frame).stream().filter(f -> !f.empty()).toList();
        v.put("fields", fields);
        v.put("hasFields", !fields.isEmpty());
        putReferrers(v, description, frame, uris.base());
        return templates.render("thing", v);
    }

    /**
     * "Harvested from …": the peer this archive took the record from (its name, its entry on the harvest page), the
     * record at the peer, when, and the archives it came through before.
     */
    private Optional<Map<String, Object>> harvestedFrom(org.apache.jena.graph.Graph g, Node self, String ui) {
        List<org.dhakira.provenance.Origin> chain = org.dhakira.provenance.Provenance.chain(g, self);
        Optional<Node> agent = org.dhakira.provenance.Provenance.harvestedFrom(g, self);
        if (chain.isEmpty() || agent.isEmpty()) return Optional.empty();
        Map<String, String> labels = new java.util.HashMap<>();
        g.find(agent.get(), org.apache.jena.vocabulary.RDFS.label.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isLiteral()) labels.put(t.getObject().getLiteralLanguage(), t.getObject().getLiteralLexicalForm());
        });
        org.dhakira.provenance.Origin last = chain.get(0);
        Map<String, Object> h = new java.util.LinkedHashMap<>();
        String lang = labels.containsKey(ui) ? ui : labels.keySet().stream().findFirst().orElse(null);
        h.put("name", Value.text(lang == null ? last.baseUrl().toString() : labels.get(lang), lang));
        String agentUri = agent.get().getURI();
        if (agentUri.startsWith(uris.base())) h.put("peerHref", "/" + agentUri.substring(uris.base().length()));
        // A peer Dhakira's record keeps its own URI, which resolves there; another archive's is its GetRecord answer.
        boolean own = self.getURI().startsWith(uris.base());
        String source = g.find(self, org.dhakira.vocab.Prov.wasDerivedFrom, Node.ANY).mapWith(t -> t.getObject().toString()).nextOptional().orElse(null);
        h.put("originalHref", web(own || source == null ? source : self.getURI()));
        h.put("identifier", last.identifier());
        h.put("harvested", Day.of(last.harvestDate().atZone(ZoneOffset.UTC).toLocalDate(), ui));
        List<Map<String, String>> via = chain.subList(1, chain.size()).stream().map(o -> {
            Map<String, String> hop = new java.util.HashMap<>();
            hop.put("identifier", o.identifier());
            hop.put("baseUrl", o.baseUrl().toString());
            hop.put("href", web(o.baseUrl().toString() + "?verb=Identify"));
            return hop;
        }).toList();
        h.put("via", via);
        h.put("hasVia", !via.isEmpty());
        return Optional.of(h);
    }

    /** {@code url} if it is a web address, else null: what a peer says is linked only when it cannot run as script. */
    private static String web(String url) {
        return url != null && (url.startsWith("http://") || url.startsWith("https://")) ? url : null;
    }

    /** The page for a URI of this archive's form that names nothing here. */
    public String notFound(RecordId id, String ui) {
        return notFound(id, ui, false);
    }

    public String notFound(RecordId id, String ui, boolean chosen) {
        PageFrame frame = PageFrame.at("/doc/" + id.path(), ui, id.key(), chosen);
        Map<String, Object> v = frame.view();
        v.put("path", id.path());
        v.put("key", id.key());
        v.put("kinds", Arrays.stream(Kind.values()).map(k -> new KindName(k.segment(), capitalised(label(k.type(), ui), ui))).toList());
        v.put("homeHref", frame.inLanguage("/"));
        return templates.render("not-found", v);
    }

    private String tombstone(Map<String, Object> v, Literals own, String ui) {
        own.first(Arch.deletedAt).flatMap(RecordPage::instant)
                .ifPresent(when -> v.put("deletedAt", Day.of(when.atZone(ZoneOffset.UTC).toLocalDate(), ui)));
        own.iris(Arch.formerKind).stream().findFirst()
                .ifPresent(k -> v.put("formerKind", label(NodeFactory.createURI(k), ui)));
        return templates.render("tombstone", v);
    }

    private List<Field> documentFields(Description d, Literals own, PageFrame frame) {
        String ui = frame.ui();
        List<Field> fields = new ArrayList<>();
        fields.add(field(Arch.issued, ui, dayValues(own.first(Arch.issued), ui)));
        fields.add(field(Arch.documentType, ui, schemeValues(own, Arch.documentType, "type", frame)));
        fields.add(field(Arch.targetCountry, ui, linkValues(d, Arch.targetCountry, frame)));
        fields.add(field(Arch.archiveCode, ui, own.first(Arch.archiveCode).map(c -> List.of(new Value(c, null, "ltr", null, null))).orElse(List.of())));
        for (Node p : LINKED_FIELDS) fields.add(field(p, ui, linkValues(d, p, frame)));
        fields.add(field(Arch.reliability, ui, schemeValues(own, Arch.reliability, "reliability", frame)));
        fields.add(field(Arch.sourceUrl, ui, sourceValues(own)));
        return fields;
    }

    private List<Field> thingFields(Description d, Literals own, PageFrame frame) {
        String ui = frame.ui();
        List<Field> fields = new ArrayList<>();
        fields.add(field(Arch.date, ui, dayValues(own.first(Arch.date), ui)));
        fields.add(field(Arch.archiveCode, ui, own.first(Arch.archiveCode).map(c -> List.of(new Value(c, null, "ltr", null, null))).orElse(List.of())));
        fields.add(field(Arch.targetCountry, ui, linkValues(d, Arch.targetCountry, frame)));
        for (Node p : LINKED_FIELDS) fields.add(field(p, ui, linkValues(d, p, frame)));
        fields.add(field(Arch.sourceUrl, ui, sourceValues(own)));
        return fields;
    }

    private Field field(Node property, String ui, List<Value> values) {
        return new Field(property.getLocalName(), capitalised(label(property, ui), ui), values);
    }

    /** The Gregorian day, then the Hijri one when the calendar reaches it. */
    private static List<Value> dayValues(Optional<String> lexical, String ui) {
        Optional<Day> day = lexical.flatMap(Day::parse).map(d -> Day.of(d, ui));
        if (day.isEmpty()) return lexical.map(l -> List.of(new Value(l, null, "ltr", null, null))).orElse(List.of());
        List<Value> out = new ArrayList<>();
        out.add(new Value(day.get().gregorian(), ui, PageFrame.dir(ui), null, day.get().iso()));
        if (day.get().hijri() != null) out.add(Value.text(day.get().hijri(), ui));
        return out;
    }

    /** A document type or grade: its label, linking to the browse page of documents with the same. */
    private List<Value> schemeValues(Literals own, Node property, String browse, PageFrame frame) {
        return own.iris(property).stream().map(iri -> {
            Node term = NodeFactory.createURI(iri);
            String slug = iri.substring(iri.lastIndexOf('/') + 1);
            return new Value(label(term, frame.ui()), frame.ui(), PageFrame.dir(frame.ui()),
                    frame.inLanguage("/browse/" + browse + "/" + slug), null);
        }).toList();
    }

    private static List<Value> linkValues(Description d, Node property, PageFrame frame) {
        return d.links().stream().filter(l -> l.property().equals(property)).map(l -> {
            Optional<Value> name = inPreferredLanguage(single(l.labels()), frame.ui());
            String text = name.map(Value::text).orElse(l.target().key());
            String lang = name.map(Value::lang).orElse(null);
            return new Value(text, lang, lang == null ? "ltr" : PageFrame.dir(lang), frame.href(l.target()), null);
        }).toList();
    }

    /** Only http(s) becomes a link: a {@code javascript:} URL from a peer's record must stay text. */
    private static List<Value> sourceValues(Literals own) {
        return own.first(Arch.sourceUrl).map(u -> {
            String lower = u.toLowerCase(Locale.ROOT);
            boolean web = lower.startsWith("http://") || lower.startsWith("https://");
            return List.of(new Value(u, null, "ltr", web ? u : null, null));
        }).orElse(List.of());
    }

    /**
     * The text by language, the original first when the record says which it is; each later one is then marked
     * as a translation.
     */
    private List<Version> versions(Literals own, String ui, boolean withTitle) {
        Map<String, List<String>> titles = own.byLanguage(Arch.title);
        Map<String, List<String>> summaries = own.byLanguage(Arch.summary);
        Map<String, List<String>> bodies = own.byLanguage(Arch.body);
        Optional<String> original = own.first(Arch.originalLanguage);
        List<String> languages = new ArrayList<>();
        original.ifPresent(languages::add);
        for (Map<String, List<String>> m : List.of(titles, summaries, bodies)) {
            m.keySet().stream().filter(l -> !languages.contains(l)).forEach(languages::add);
        }
        List<Version> out = new ArrayList<>();
        for (String lang : languages) {
            String title = withTitle ? first(titles, lang) : null;
            String summary = first(summaries, lang);
            String body = first(bodies, lang);
            if (title == null && summary == null && body == null) continue;
            boolean isOriginal = original.map(lang::equals).orElse(false);
            out.add(new Version(lang, PageFrame.dir(lang), languageName(lang, ui), isOriginal,
                    original.isPresent() && !isOriginal, title, summary, paragraphs(body)));
        }
        return out;
    }

    private static List<Value> aliases(Literals own) {
        List<Value> out = new ArrayList<>();
        own.byLanguage(Arch.alias).forEach((lang, names) -> names.forEach(n -> out.add(Value.text(n, lang))));
        return out;
    }

    private void putReferrers(Map<String, Object> v, Description d, PageFrame frame, String base) {
        Description.Referrers r = d.referrers();
        v.put("referrers", r.shown().stream().map(x -> {
            Optional<Value> name = inPreferredLanguage(single(x.labels()), frame.ui());
            Value link = new Value(name.map(Value::text).orElse(x.id().key()), name.map(Value::lang).orElse(null),
                    name.map(Value::dir).orElse("ltr"), frame.href(x.id()), null);
            return new Referrer(link, capitalised(label(x.id().kind().type(), frame.ui()), frame.ui()),
                    x.date().map(day -> Day.of(day, frame.ui())).orElse(null));
        }).toList());
        v.put("hasReferrers", r.total() > 0);
        v.put("shown", r.shown().size());
        v.put("total", r.total());
        v.put("incomplete", !r.complete());
        // The full list is named by the archive's public base; on this server it is the same path.
        r.all().ifPresent(all -> v.put("allHref", all.startsWith(base) ? "/" + all.substring(base.length()) : all));
    }

    /** The value in the page's language, else in the other, else in any; with the language it is in. */
    private static Optional<Value> inPreferredLanguage(Map<String, List<String>> byLanguage, String ui) {
        String other = ui.equals("ar") ? "en" : "ar";
        for (String lang : List.of(ui, other)) {
            String t = first(byLanguage, lang);
            if (t != null) return Optional.of(Value.text(t, lang));
        }
        return byLanguage.entrySet().stream().filter(e -> !e.getValue().isEmpty()).findFirst()
                .map(e -> Value.text(e.getValue().get(0), e.getKey().isEmpty() ? null : e.getKey()));
    }

    private static Map<String, List<String>> single(Map<String, String> labels) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        labels.forEach((lang, l) -> out.put(lang, List.of(l)));
        return out;
    }

    private static String first(Map<String, List<String>> m, String lang) {
        List<String> l = m.get(lang);
        return l == null || l.isEmpty() ? null : l.get(0);
    }

    /** Paragraphs are separated by blank lines in the records, as the archive's texts are typed. */
    private static List<String> paragraphs(String body) {
        if (body == null) return List.of();
        return Arrays.stream(body.split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    private static String languageName(String lang, String ui) {
        return switch (lang) {
            case "ar" -> ui.equals("ar") ? "العربية" : "Arabic";
            case "en" -> ui.equals("ar") ? "الإنكليزية" : "English";
            default -> lang;
        };
    }

    private String label(Node term, String ui) {
        return vocabulary.label(term, ui).or(() -> vocabulary.label(term, ui.equals("ar") ? "en" : "ar"))
                .orElse(term.isURI() ? term.getLocalName() : term.toString());
    }

    /** The vocabulary's English labels are lower case ("date of issue"), as labels of terms are; a heading is not. */
    private static String capitalised(String label, String ui) {
        if (!ui.equals("en") || label.isEmpty()) return label;
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    private static Optional<Instant> instant(String lexical) {
        try {
            return Optional.of(Instant.parse(lexical));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The record's subject, which is its graph's name: this archive's URI, or its origin's for a harvested one. */
    private Node self(Description d) {
        return org.apache.jena.graph.NodeFactory.createURI(uris.iri(d.id()));
    }
}
