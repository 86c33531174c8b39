package org.dhakira.oai;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.jena.graph.Node;
import org.dhakira.vocab.Arch;
import org.dhakira.vocab.Kind;
import org.dhakira.vocab.Vocabulary;

/**
 * A set of records for selective harvesting, named in Arabic and English. The sets are hierarchical, as
 * OAI-PMH's colons say: {@code type} holds {@code type:press-statement} and the other document types, and
 * harvesting {@code type} harvests them all. {@code source:{peer}} sets join when peers are harvested.
 */
record OaiSet(String spec, String nameAr, String nameEn, String descriptionAr, String descriptionEn) {

    /** The first segments of the sets this provider offers; other sets in the index are for search only. */
    static final List<String> ROOTS = List.of("kind", "type", "reliability", "source");

    /** The name OAI's setName carries: one string, so both languages. */
    String name() {
        return nameAr + " — " + nameEn;
    }

    static boolean offered(String spec) {
        int colon = spec.indexOf(':');
        return ROOTS.contains(colon < 0 ? spec : spec.substring(0, colon));
    }

    /** Every set: by kind, by document type, by reliability grade, each root before its members. */
    static List<OaiSet> all(Vocabulary vocabulary) {
        List<OaiSet> sets = new ArrayList<>();
        sets.add(new OaiSet("kind", "حسب نوع السجل", "By kind of record",
                "السجلات مقسمة حسب نوعها: وثائق وكيانات وشخصيات ويوميات وأماكن.",
                "The records by their kind: documents, organisations, persons, chronicle entries and places."));
        for (Kind k : Kind.values()) sets.add(of(vocabulary, "kind:" + k.segment(), k.type()));
        sets.add(new OaiSet("type", "حسب نوع الوثيقة", "By document type",
                "الوثائق مقسمة حسب شكلها الوثائقي: بيان صحفي، تقرير، رسالة، شهادة…",
                "The documents by their documentary form: press statement, report, letter, testimony…"));
        sets.addAll(members(vocabulary, "type", Arch.documentType, Arch.DOCUMENT_TYPE_NS));
        sets.add(new OaiSet("reliability", "حسب درجة الموثوقية", "By reliability grade",
                "الوثائق مقسمة حسب درجة موثوقيتها كما قدّرها الأرشيف.",
                "The documents by the reliability grade the archive gave them."));
        sets.addAll(members(vocabulary, "reliability", Arch.reliability, Arch.RELIABILITY_NS));
        return List.copyOf(sets);
    }

    /** {@code sets} and, when peers have been harvested, {@code source} with a set per peer. */
    static List<OaiSet> withSources(List<OaiSet> sets, List<OaiProvider.Source> sources) {
        if (sources.isEmpty()) return sets;
        List<OaiSet> all = new ArrayList<>(sets);
        all.add(new OaiSet("source", "حسب الأرشيف المصدر", "By source archive",
                "السجلات المحصودة من أرشيفات شريكة، مقسمة حسب الأرشيف الذي حُصدت منه.",
                "The records harvested from peer archives, by the archive they were harvested from."));
        sources.stream().sorted(Comparator.comparing(OaiProvider.Source::id)).forEach(p -> all.add(new OaiSet("source:" + p.id(),
                p.nameAr(), p.nameEn(), "السجلات المحصودة من " + p.nameAr() + ".", "The records harvested from " + p.nameEn() + ".")));
        return List.copyOf(all);
    }

    private static List<OaiSet> members(Vocabulary vocabulary, String root, Node property, String namespace) {
        return vocabulary.allowedValues(property).stream()
                .map(term -> of(vocabulary, root + ":" + term.getURI().substring(namespace.length()), term))
                .sorted(Comparator.comparing(OaiSet::spec)).toList();
    }

    private static OaiSet of(Vocabulary vocabulary, String spec, Node term) {
        return new OaiSet(spec, vocabulary.label(term, "ar").orElse(spec), vocabulary.label(term, "en").orElse(spec),
                vocabulary.definition(term, "ar").orElse(""), vocabulary.definition(term, "en").orElse(""));
    }
}
