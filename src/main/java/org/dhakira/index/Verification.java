package org.dhakira.index;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;

/**
 * Whether the index agrees with the store, the only source of truth: every record the store holds is in the index
 * at its last change, live or deleted as the store has it, the index holds nothing else, and no entry carries names
 * a record it names no longer has. Walks the whole listing, the store's bookkeeping and the index's links, so it
 * costs the size of the archive; meant for an operator's check, not for a request.
 *
 * <pre>{@code Verification v = Verification.of(store, listing, index.sequence());
 * v.differences().forEach(System.out::println);}</pre>
 */
public record Verification(long storeRecords, long indexRecords, long storeChange, long indexChange, long disagreements,
                           List<Difference> differences) {

    public Verification {
        differences = List.copyOf(differences);
    }

    /** One record on which the two disagree, and how. */
    public record Difference(RecordId id, String what) {
        @Override
        public String toString() {
            return id + ": " + what;
        }
    }

    public boolean agree() {
        return disagreements == 0 && storeChange == indexChange;
    }

    /** At most {@code limit} differences are listed; {@code disagreements} counts them all. */
    public static Verification of(RecordStore store, Listing listing, long indexChange, int limit) {
        List<Difference> differences = new ArrayList<>();
        long[] disagreements = {0};
        Set<RecordId> indexed = new HashSet<>();
        long[] storeChange = {0};
        List<RecordId> all = store.snapshot(s -> {
            storeChange[0] = s.position();
            long after = 0;
            while (true) {
                Listing.Page page = listing.page(Optional.empty(), Optional.empty(), Optional.empty(), after, 1000);
                for (Listing.Entry e : page.entries()) {
                    if (!indexed.add(e.id())) {
                        note(differences, disagreements, limit, e.id(), "in the index more than once (again at change " + e.sequence() + ")");
                        continue;
                    }
                    Optional<RecordStore.Status> status = s.status(e.id());
                    if (status.isEmpty()) {
                        note(differences, disagreements, limit, e.id(), "in the index (change " + e.sequence() + ") but not in the store");
                        continue;
                    }
                    long sequence = s.sequence(e.id()).orElseThrow();
                    if (sequence != e.sequence()) {
                        note(differences, disagreements, limit, e.id(), "the index has change " + e.sequence() + ", the store change " + sequence);
                    } else if (e.deleted() != (status.get() == RecordStore.Status.DELETED)) {
                        note(differences, disagreements, limit, e.id(), e.deleted() ? "deleted in the index, live in the store" : "live in the index, deleted in the store");
                    }
                }
                if (!page.more() || page.entries().isEmpty()) break;
                after = page.last();
            }
            // Entries that carry names a record they name no longer has (a rename not yet carried to them all).
            Map<String, Integer> stale = listing.index().withSearcher(searcher ->
                    Relabelling.staleNames(searcher, uri -> Relabelling.current(s, store.uris(), uri)));
            stale.forEach((uri, n) -> store.uris().id(uri).ifPresent(id -> note(differences, disagreements, limit, id,
                    String.format(java.util.Locale.ROOT, "%,d records naming it carry names it no longer has", n))));
            // In the same read transaction (a nested read joins it), so both sides are one state of the store.
            return store.changedSince(0);
        });
        for (RecordId id : all) {
            if (!indexed.contains(id)) note(differences, disagreements, limit, id, "in the store but not in the index");
        }
        return new Verification(all.size(), indexed.size(), storeChange[0], indexChange, disagreements[0], differences);
    }

    private static void note(List<Difference> differences, long[] disagreements, int limit, RecordId id, String what) {
        disagreements[0]++;
        if (differences.size() < limit) differences.add(new Difference(id, what));
    }
}
