package org.dhakira.harvest.crosswalk;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;
import org.dhakira.vocab.Arch;
import org.dhakira.vocab.Kind;

/**
 * The names and aliases of the archive's organisations and persons, compared in {@link Folded} form, so that
 * «الائتلاف الوطني السوري», «الإئتلاف الوطنى السورى» and «الائتلاف الوطنـي السوري» (tatweel) meet, as do «هيئة» and «هيئه».
 * A form two records share matches neither: an ambiguous name stays text rather than link the wrong record.
 * Immutable; build one per harvest run, so that it sees the records loaded since the last.
 *
 * <pre>{@code NameMatcher names = NameIndex.of(store);
 * names.match("Syrian Coalition") // Optional[organisation/syrian-coalition]}</pre>
 */
public final class NameIndex implements NameMatcher {

    private final Map<String, RecordId> unique;

    /** From each record's names and aliases in any language. */
    public NameIndex(Map<RecordId, ? extends Collection<String>> names) {
        Map<String, RecordId> first = new HashMap<>();
        Set<String> shared = new HashSet<>();
        names.forEach((id, list) -> {
            if (id.kind() != Kind.ORGANISATION && id.kind() != Kind.PERSON) {
                throw new IllegalArgumentException(id + " is not an organisation or a person");
            }
            for (String name : list) {
                String form = Folded.of(name);
                if (form.isEmpty()) continue;
                RecordId before = first.putIfAbsent(form, id);
                if (before != null && !before.equals(id)) shared.add(form);
            }
        });
        shared.forEach(first::remove);
        this.unique = Map.copyOf(first);
    }

    /**
     * The live organisations and persons of {@code store}, read in one snapshot: every record graph's own
     * {@code arch:name} and {@code arch:alias} statements, kept when the graph types its subject as an organisation
     * or person (a tombstone does not).
     */
    public static NameIndex of(RecordStore store) {
        Map<RecordId, Set<String>> names = store.read(dsg -> {
            Map<RecordId, Set<String>> out = new HashMap<>();
            for (Node p : new Node[] {Arch.name, Arch.alias}) {
                dsg.find(Node.ANY, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
                    if (!q.getGraph().equals(q.getSubject()) || Quad.isDefaultGraph(q.getGraph()) || !q.getObject().isLiteral()) return;
                    if (!q.getSubject().isURI()) return;
                    RecordId.fromIri(store.base(), q.getSubject().getURI())
                            .filter(id -> id.kind() == Kind.ORGANISATION || id.kind() == Kind.PERSON)
                            .filter(id -> dsg.contains(q.getGraph(), q.getSubject(), RDF.type.asNode(), id.kind().type()))
                            .ifPresent(id -> out.computeIfAbsent(id, k -> new HashSet<>()).add(q.getObject().getLiteralLexicalForm()));
                });
            }
            return out;
        });
        return new NameIndex(names);
    }

    @Override
    public Optional<RecordId> match(String name) {
        return Optional.ofNullable(unique.get(Folded.of(name)));
    }

    /** How many name forms match a record. */
    public int size() {
        return unique.size();
    }
}
