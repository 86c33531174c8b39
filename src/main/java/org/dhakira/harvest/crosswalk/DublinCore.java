package org.dhakira.harvest.crosswalk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.dhakira.harvest.HarvestedRecord;
import org.dhakira.harvest.crosswalk.DcRules.Handling;
import org.dhakira.harvest.crosswalk.DcRules.Rule;
import org.dhakira.harvest.crosswalk.OaiDcReader.Value;
import org.dhakira.ingest.ParsedRecord;
import org.dhakira.ingest.RecordValidator;
import org.dhakira.store.RecordId;
import org.dhakira.vocab.Arch;
import org.dhakira.vocab.DataFiles;
import org.dhakira.vocab.Kind;
import org.dhakira.vocab.Vocabulary;

/**
 * The {@code oai_dc} crosswalk: one harvested record in, one {@link Mapping} out. The record becomes a document
 * under a local URI minted from its OAI identifier ({@link HarvestedIds}), its values placed as {@link DcRules}
 * says, and the result checked by the archive's own {@link RecordValidator}, whose problems refuse it. Nothing is
 * written; the harvester stores what it gets. Thread-safe: it holds only immutable rules and the vocabulary.
 *
 * <pre>{@code DublinCore dc = DublinCore.load(DataFiles.builtIn(), vocabulary);
 * Mapping m = dc.map("syrian-archive", "http://localhost:8080/", NameIndex.of(store), harvested);}</pre>
 */
public final class DublinCore {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)https?://\\S+");

    private final DcRules rules;
    private final Vocabulary vocabulary;

    public DublinCore(DcRules rules, Vocabulary vocabulary) {
        this.rules = java.util.Objects.requireNonNull(rules, "rules");
        this.vocabulary = java.util.Objects.requireNonNull(vocabulary, "vocabulary");
    }

    /** The crosswalk of {@code harvest/crosswalks/oai_dc.json}. */
    public static DublinCore load(DataFiles files, Vocabulary vocabulary) {
        return new DublinCore(DcRules.load(files, vocabulary), vocabulary);
    }

    /**
     * Maps {@code record}, harvested from {@code peerId}, for an archive at {@code base}.
     *
     * @throws IllegalArgumentException only for a bad peer id; everything wrong with the record is in the result
     */
    public Mapping map(String peerId, String base, NameMatcher names, HarvestedRecord record) {
        RecordId id = HarvestedIds.mint(peerId, record.header().identifier());
        if (record.header().deleted()) return new Mapping.Withdrawn(id);
        if (record.metadata().isEmpty()) return new Mapping.Refused(id, List.of(new Problem("", "the peer sent the record without metadata")));
        List<Value> values;
        try {
            values = OaiDcReader.read(record.metadata().get());
        } catch (IllegalArgumentException e) {
            return new Mapping.Refused(id, List.of(new Problem("", e.getMessage())));
        }
        Node subject = NodeFactory.createURI(id.iri(base));
        Writing w = new Writing(base, subject, names);
        w.add(RDF.type.asNode(), Kind.DOCUMENT.type());
        w.add(Arch.reliability, rules.reliability());
        for (Map.Entry<String, Rule> e : rules.elements().entrySet()) {
            List<Value> of = values.stream().filter(v -> v.element().equals(e.getKey())).toList();
            if (!of.isEmpty()) map(w, "dc:" + e.getKey(), e.getValue(), of);
        }
        ParsedRecord parsed = new ParsedRecord("peer " + peerId, 0, Optional.of(id), false, w.graph, List.of(), List.of(), Map.of());
        List<Problem> problems = new ArrayList<>();
        new RecordValidator(vocabulary, org.dhakira.store.UriSpace.of(base)).check(parsed).forEach(p -> problems.add(new Problem(p.field(), p.reason())));
        if (problems.isEmpty()) return new Mapping.Mapped(id, w.graph, w.notes);
        problems.addAll(w.notes);
        return new Mapping.Refused(id, problems);
    }

    /** The graph and notes of one record being mapped. */
    private static final class Writing {
        final String base;
        final Node subject;
        final NameMatcher names;
        final Graph graph = GraphFactory.createDefaultGraph();
        final List<Problem> notes = new ArrayList<>();

        Writing(String base, Node subject, NameMatcher names) {
            this.base = base;
            this.subject = subject;
            this.names = names;
        }

        void add(Node p, Node o) {
            graph.add(Triple.create(subject, p, o));
        }

        void note(String field, String reason) {
            notes.add(new Problem(field, reason));
        }
    }

    private void map(Writing w, String field, Rule rule, List<Value> values) {
        switch (rule.handling()) {
            case TEXT -> texts(w, field, rule, values);
            case DATE -> dates(w, field, rule, values);
            case TYPE -> types(w, field, rule, values);
            case LANGUAGE -> languages(w, field, rule, values);
            case URL -> addresses(w, field, rule, values);
            case NAMES -> names(w, field, rule, values);
            case COPY -> values.forEach(v -> text(w, field, v, false).ifPresent(t -> w.add(rule.to().get(), t)));
        }
    }

    /** One text per language in {@code to}; the rest in {@code others}, or joined to the first as paragraphs. */
    private void texts(Writing w, String field, Rule rule, List<Value> values) {
        boolean oneLine = rule.to().get().equals(Arch.title);
        Map<String, List<String>> byLanguage = new LinkedHashMap<>();
        for (Value v : values) {
            String text = oneLine ? WHITE_SPACE.matcher(v.text()).replaceAll(" ").strip() : paragraphs(v.text());
            if (text.isEmpty()) continue;
            String lang = language(w, field, v).orElseGet(() -> TextLanguage.guess(text));
            byLanguage.computeIfAbsent(lang, k -> new ArrayList<>()).add(text);
        }
        byLanguage.forEach((lang, texts) -> {
            List<String> distinct = List.copyOf(new LinkedHashSet<>(texts));
            if (rule.others().isPresent()) {
                w.add(rule.to().get(), NodeFactory.createLiteralLang(distinct.get(0), lang));
                distinct.stream().skip(1).forEach(t -> w.add(rule.others().get(), NodeFactory.createLiteralLang(t, lang)));
            } else {
                w.add(rule.to().get(), NodeFactory.createLiteralLang(String.join("\n\n", distinct), lang));
            }
        });
    }

    /** Line ends made {@code \n}, each line's trailing spaces and the text's outer blank lines removed. */
    private static String paragraphs(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').lines().map(String::stripTrailing)
                .collect(java.util.stream.Collectors.joining("\n")).strip();
    }

    /** The first whole day is the date of issue; a year or month is kept in {@code partial} only when there is none. */
    private void dates(Writing w, String field, Rule rule, List<Value> values) {
        List<DcDate> read = values.stream().map(v -> DcDate.read(v.text())).toList();
        Optional<DcDate.Day> day = read.stream().filter(DcDate.Day.class::isInstance).map(DcDate.Day.class::cast).findFirst();
        day.ifPresent(d -> w.add(rule.to().get(), NodeFactory.createLiteralDT(d.date().toString(), XSDDatatype.XSDdate)));
        boolean partialKept = false;
        for (DcDate d : read) {
            if (d instanceof DcDate.Day other) {
                if (!other.equals(day.get())) {
                    w.note(field, "'" + other.date() + "' not kept: a document has one date of issue, and " + day.get().date() + " came first");
                }
            } else if (d instanceof DcDate.Unreadable u) {
                w.note(field, "'" + u.text() + "' " + u.reason() + "; not kept");
            } else {
                boolean year = d instanceof DcDate.Year;
                String lexical = d instanceof DcDate.Year y ? String.format("%04d", y.year()) : ((DcDate.Month) d).month().toString();
                if (day.isPresent()) {
                    w.note(field, "'" + lexical + "' not kept: " + day.get().date() + " says the day");
                } else if (rule.partial().isPresent() && !partialKept) {
                    partialKept = true;
                    w.add(rule.partial().get(), NodeFactory.createLiteralDT(lexical, year ? XSDDatatype.XSDgYear : XSDDatatype.XSDgYearMonth));
                    w.note(field, "'" + lexical + "' is not a whole day: kept as " + prefixed(rule.partial().get()) + ", not as the date of issue");
                } else {
                    w.note(field, "'" + lexical + "' is not a whole day; not kept");
                }
            }
        }
    }

    /** The first type the crosswalk maps; generic ones ("Text") are passed over without a word. */
    private void types(Writing w, String field, Rule rule, List<Value> values) {
        Optional<Node> chosen = Optional.empty();
        for (Value v : values) {
            String folded = Folded.of(v.text());
            if (folded.isEmpty() || rules.genericTypes().contains(folded)) continue;
            Node concept = rules.types().get(folded);
            if (concept == null) {
                w.note(field, "'" + v.text().strip() + "' has no mapping in " + DcRules.FILE + "; not kept");
            } else if (chosen.isEmpty()) {
                chosen = Optional.of(concept);
            } else if (!chosen.get().equals(concept)) {
                w.note(field, "'" + v.text().strip() + "' not kept: a document has one type, and " + notation(chosen.get()) + " came first");
            }
        }
        if (chosen.isEmpty() && rules.unmappedType().isPresent()) {
            chosen = rules.unmappedType();
            w.note(field, "no type maps to a document type: given " + notation(chosen.get()) + ", the crosswalk's unmappedType");
        }
        chosen.ifPresent(c -> w.add(rule.to().get(), c));
    }

    /** The original language, when the record names exactly one. */
    private void languages(Writing w, String field, Rule rule, List<Value> values) {
        Set<String> tags = new LinkedHashSet<>();
        for (Value v : values) {
            Optional<String> tag = languageTag(v.text());
            if (tag.isPresent()) tags.add(tag.get());
            else w.note(field, "'" + v.text().strip() + "' is not a language this crosswalk knows; not kept");
        }
        if (tags.size() == 1) w.add(rule.to().get(), NodeFactory.createLiteralString(tags.iterator().next()));
        else if (tags.size() > 1) w.note(field, "several languages (" + String.join(", ", tags) + "): which one is the original is not known; not kept");
    }

    /** Web addresses to {@code to}; other identifiers, as text, to {@code others}. */
    private void addresses(Writing w, String field, Rule rule, List<Value> values) {
        for (Value v : values) {
            String s = v.text().strip();
            if (s.isEmpty()) continue;
            if (WEB_ADDRESS.matcher(s).matches() && absolute(s)) {
                w.add(rule.to().get(), NodeFactory.createURI(s));
            } else if (rule.others().isPresent()) {
                w.add(rule.others().get(), NodeFactory.createLiteralString(s));
            } else {
                w.note(field, "'" + s + "' is not a web address; not kept");
            }
        }
    }

    private static boolean absolute(String s) {
        try {
            return IRIx.create(s).isAbsolute();
        } catch (IRIException e) {
            return false;
        }
    }

    /**
     * A name matched to a record links it, by the property for its kind; with {@code others}, only the first match
     * takes that property (a document has one issuer) and the later ones take {@code others}. An unmatched name is
     * kept as text in {@code unmatched}.
     */
    private void names(Writing w, String field, Rule rule, List<Value> values) {
        boolean linked = false;
        for (Value v : values) {
            String name = WHITE_SPACE.matcher(v.text()).replaceAll(" ").strip();
            if (name.isEmpty()) continue;
            Optional<RecordId> match = w.names.match(name);
            if (match.isPresent() && (match.get().kind() == Kind.ORGANISATION || match.get().kind() == Kind.PERSON)) {
                Node target = NodeFactory.createURI(match.get().iri(w.base));
                Node p = match.get().kind() == Kind.ORGANISATION ? rule.organisation().get() : rule.person().get();
                w.add(linked && rule.others().isPresent() ? rule.others().get() : p, target);
                linked = true;
            } else if (rule.unmatched().isPresent()) {
                w.add(rule.unmatched().get(), v.lang().flatMap(l -> languageTag(l)).map(l -> NodeFactory.createLiteralLang(name, l))
                        .orElseGet(() -> NodeFactory.createLiteralString(name)));
            } else {
                w.note(field, "'" + name + "' matches no organisation or person of the archive; not kept");
            }
        }
    }

    /** A value's text as a literal in its tagged language (a bad tag is noted and left off), or empty if blank. */
    private Optional<Node> text(Writing w, String field, Value v, boolean guess) {
        String text = WHITE_SPACE.matcher(v.text()).replaceAll(" ").strip();
        if (text.isEmpty()) return Optional.empty();
        Optional<String> lang = language(w, field, v);
        if (lang.isEmpty() && guess) lang = Optional.of(TextLanguage.guess(text));
        return Optional.of(lang.map(l -> NodeFactory.createLiteralLang(text, l)).orElseGet(() -> NodeFactory.createLiteralString(text)));
    }

    /** The value's {@code xml:lang} as the archive writes languages, noting one that is not a language tag. */
    private Optional<String> language(Writing w, String field, Value v) {
        if (v.lang().isEmpty()) return Optional.empty();
        Optional<String> tag = languageTag(v.lang().get());
        if (tag.isEmpty()) w.note(field, "xml:lang '" + v.lang().get() + "' is not a language tag; the language was told from the script");
        return tag;
    }

    /**
     * A language as the archive writes it: its primary subtag, since pages and the one-title-per-language rule go
     * by language, not region ({@code ar-SY} is {@code ar}); names and three-letter codes through the crosswalk's
     * {@code languages} ({@code ara}, {@code Arabic}, {@code العربية} are {@code ar}).
     */
    private Optional<String> languageTag(String raw) {
        String s = raw.strip();
        String known = rules.languages().get(Folded.of(s));
        if (known != null) return Optional.of(known);
        try {
            String primary = new Locale.Builder().setLanguageTag(s).build().getLanguage();
            if (primary.isEmpty()) return Optional.empty();
            return Optional.of(rules.languages().getOrDefault(primary, primary));
        } catch (java.util.IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    private static String notation(Node concept) {
        return concept.getURI().substring(Arch.DOCUMENT_TYPE_NS.length());
    }

    private static String prefixed(Node p) {
        String uri = p.getURI();
        if (uri.startsWith(DcRules.DCTERMS)) return "dcterms:" + uri.substring(DcRules.DCTERMS.length());
        if (uri.startsWith(DcRules.DC)) return "dc:" + uri.substring(DcRules.DC.length());
        return uri;
    }
}
