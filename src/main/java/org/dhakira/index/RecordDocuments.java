package org.dhakira.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.dhakira.store.RecordId;
import org.dhakira.vocab.Arch;
import org.dhakira.vocab.Kind;

/**
 * Turns a record as stored into the Lucene document that stands for it. Live records get their text, names,
 * facets and sets; tombstones keep only what the OAI listing needs (id, sequence, datestamp, sets).
 */
final class RecordDocuments {

    /** Stored and indexed with offsets, so the highlighter needs no second analysis. */
    private static final FieldType HIGHLIGHTED = highlighted();

    private static FieldType highlighted() {
        FieldType t = new FieldType(TextField.TYPE_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }

    /** The properties whose objects' names an entry carries, in {@link Fields#ISSUER} (the issuer) or {@link Fields#NAMES}. */
    static final List<Node> NAMING = List.of(Arch.issuer, Arch.relatedOrganisation, Arch.relatedPerson,
            Arch.relatedPlace, Arch.targetCountry, Arch.relatedEvent);

    static final FacetsConfig FACETS = facetsConfig();

    private static FacetsConfig facetsConfig() {
        FacetsConfig c = new FacetsConfig();
        for (String dim : Fields.FACETS) c.setMultiValued(dim, true);
        return c;
    }

    private final org.dhakira.store.UriSpace uris;
    /** Names and aliases of a linked thing, in every language. */
    private final Function<Node, LinkedLabels.Names> labels;

    RecordDocuments(org.dhakira.store.UriSpace uris, Function<Node, LinkedLabels.Names> labels) {
        this.uris = uris;
        this.labels = labels;
    }

    Document live(RecordId id, Graph g, long seq, Instant datestamp) {
        Document d = common(id, seq, datestamp);
        d.add(new SortedSetDocValuesFacetField(Fields.F_KIND, id.kind().segment()));
        Node s = org.apache.jena.graph.NodeFactory.createURI(uris.iri(id));
        for (Triple t : g.find(s, Node.ANY, Node.ANY).toList()) {
            Node p = t.getPredicate();
            Node o = t.getObject();
            if (p.equals(Arch.title) || p.equals(Arch.name)) {
                text(d, o, Fields.TITLE_AR, Fields.TITLE_EN);
                d.add(new TextField(Fields.TITLE_NAME, o.getLiteralLexicalForm(), Field.Store.NO));
            } else if (p.equals(Arch.alias)) {
                d.add(new TextField(Fields.NAMES, o.getLiteralLexicalForm(), Field.Store.NO));
                d.add(new TextField(Fields.TITLE_NAME, o.getLiteralLexicalForm(), Field.Store.NO));
            } else if (p.equals(Arch.body) || p.equals(Arch.summary)) {
                text(d, o, Fields.TEXT_AR, Fields.TEXT_EN);
            } else if (p.equals(Arch.archiveCode)) {
                d.add(new StringField(Fields.CODE, o.getLiteralLexicalForm().toLowerCase(java.util.Locale.ROOT), Field.Store.YES));
            } else if (p.equals(Arch.documentType)) {
                facetAndSet(d, Fields.F_TYPE, slug(o));
            } else if (p.equals(Arch.reliability)) {
                facetAndSet(d, Fields.F_RELIABILITY, slug(o));
            } else if (p.equals(Arch.originalLanguage)) {
                d.add(new SortedSetDocValuesFacetField(Fields.F_LANGUAGE, o.getLiteralLexicalForm()));
            } else if (p.equals(Arch.issued) || p.equals(Arch.date)) {
                issued(d, o);
            } else if (p.equals(Arch.issuer)) {
                linked(d, o, Fields.ISSUER);
                linkFacet(d, o);
            } else if (NAMING.contains(p)) { // the issuer's went to its own field above
                linked(d, o, Fields.NAMES);
                linkFacet(d, o);
            } else if (p.equals(org.dhakira.vocab.Prov.wasAttributedTo)) {
                source(d, o);
            }
        }
        try {
            return FACETS.build(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document for a record as stored or as a batch just wrote it: live, or a tombstone. */
    Document of(RecordId id, long seq, Instant datestamp, boolean deleted, Graph g, List<Node> formerTerms) {
        return deleted ? tombstone(id, seq, datestamp, formerTerms) : live(id, g, seq, datestamp);
    }

    /** A tombstone stays in the OAI sets of the type and grade its record had. */
    Document tombstone(RecordId id, long seq, Instant datestamp, List<Node> formerTerms) {
        Document d = common(id, seq, datestamp);
        d.add(new StringField(Fields.DELETED, "true", Field.Store.YES));
        d.add(new NumericDocValuesField(Fields.DELETED, 1));
        for (Node n : formerTerms) {
            if (!n.isURI()) continue;
            if (n.getURI().startsWith(Arch.DOCUMENT_TYPE_NS)) set(d, Fields.F_TYPE + ":" + slug(n));
            if (n.getURI().startsWith(Arch.RELIABILITY_NS)) set(d, Fields.F_RELIABILITY + ":" + slug(n));
            source(d, n);
        }
        return d;
    }

    /**
     * A record harvested from a peer is in the set {@code source:{peer}}: the peer is the agent this archive
     * attributes it to ({@code {base}harvest#{peer}}); agents of earlier hops are other archives' and name no set here.
     */
    private void source(Document d, Node agent) {
        String peers = org.dhakira.provenance.Provenance.harvestNames(uris.base());
        if (agent.isURI() && agent.getURI().startsWith(peers) && agent.getURI().length() > peers.length()) {
            set(d, "source:" + agent.getURI().substring(peers.length()));
        }
    }

    private static Document common(RecordId id, long seq, Instant datestamp) {
        Document d = new Document();
        d.add(new StringField(Fields.ID, id.path(), Field.Store.YES));
        // The listing reads what it shows from doc values, never decompressing stored text.
        d.add(new SortedDocValuesField(Fields.ID, new BytesRef(id.path())));
        d.add(new LongPoint(Fields.SEQ, seq));
        d.add(new NumericDocValuesField(Fields.SEQ, seq));
        d.add(new StoredField(Fields.SEQ, seq));
        d.add(new LongPoint(Fields.DATESTAMP, datestamp.getEpochSecond()));
        d.add(new NumericDocValuesField(Fields.DATESTAMP, datestamp.getEpochSecond()));
        d.add(new StoredField(Fields.DATESTAMP, datestamp.getEpochSecond()));
        set(d, "kind:" + id.kind().segment());
        return d;
    }

    private static void text(Document d, Node o, String arabicField, String englishField) {
        if (!o.isLiteral()) return;
        String lang = o.getLiteralLanguage();
        String field = lang.startsWith("ar") ? arabicField : lang.startsWith("en") ? englishField : null;
        if (field != null) d.add(new Field(field, o.getLiteralLexicalForm(), HIGHLIGHTED));
    }

    private static void facetAndSet(Document d, String dim, String value) {
        d.add(new SortedSetDocValuesFacetField(dim, value));
        set(d, dim + ":" + value);
    }

    private static void set(Document d, String set) {
        d.add(new StringField(Fields.SET, set, Field.Store.YES));
        d.add(new SortedSetDocValuesField(Fields.SET, new BytesRef(set)));
    }

    private static void issued(Document d, Node o) {
        if (!o.isLiteral() || d.getField(Fields.ISSUED) != null) return;
        try {
            LocalDate day = LocalDate.parse(o.getLiteralLexicalForm());
            d.add(new LongPoint(Fields.ISSUED, day.toEpochDay()));
            d.add(new NumericDocValuesField(Fields.ISSUED, day.toEpochDay()));
            d.add(new StoredField(Fields.ISSUED_STORED, day.toString()));
            d.add(new SortedSetDocValuesFacetField(Fields.F_YEAR, String.valueOf(day.getYear())));
        } catch (java.time.format.DateTimeParseException e) {
            // Checked on the way in; an odd literal from elsewhere is just not dated.
        }
    }

    private void linked(Document d, Node o, String field) {
        if (!o.isURI()) return;
        LinkedLabels.Names names = labels.apply(o);
        for (String label : names.labels()) d.add(new TextField(field, label, Field.Store.NO));
        // Whose names this entry carries, and which of them: what finds it again when they change (Relabelling).
        d.add(new StringField(Fields.LINK, o.getURI(), Field.Store.NO));
        d.add(new StringField(Fields.LINK_NAMES, Relabelling.carrying(o.getURI(), names.fingerprint()), Field.Store.NO));
    }

    private void linkFacet(Document d, Node o) {
        if (!o.isURI()) return;
        uris.id(o.getURI()).ifPresent(target -> {
            if (target.kind() == Kind.ORGANISATION) d.add(new SortedSetDocValuesFacetField(Fields.F_ORGANISATION, target.key()));
            if (target.kind() == Kind.PERSON) d.add(new SortedSetDocValuesFacetField(Fields.F_PERSON, target.key()));
        });
    }

    private static String slug(Node concept) {
        String uri = concept.isURI() ? concept.getURI() : concept.toString();
        return uri.substring(uri.lastIndexOf('/') + 1);
    }
}
