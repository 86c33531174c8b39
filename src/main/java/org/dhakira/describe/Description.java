package org.dhakira.describe;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.dhakira.store.RecordId;
import org.dhakira.store.StoredRecord;

/**
 * One thing as the archive publishes it, read from one store snapshot: enough to stand alone for a crawler that
 * follows nothing else.
 *
 * <ul>
 * <li>{@link #graph()}: the record's own graph, plus the labels (and kind) of every record it links to and of the
 * vocabulary terms it uses, plus the statements of the records that link to it (at most {@link Descriptions#SHOWN}
 * of them, each with its labels), plus {@code rdfs:seeAlso} the full list when there are more;</li>
 * <li>{@link #links()} and {@link #referrers()}: the same links as values, for the HTML page;</li>
 * <li>{@link #lastModified()}: the datestamp of the archive's last change (a tombstone's: its deletion), since any
 * change may alter a description;</li>
 * <li>{@link #position()}: the store's last sequence number in the snapshot it was read from.</li>
 * </ul>
 *
 * A tombstone's description is the tombstone alone.
 *
 * <pre>{@code Description d = descriptions.find(RecordId.parse("organisation/amnesty-international")).orElseThrow();
 * d.referrers().total(); // documents that name it}</pre>
 */
public record Description(StoredRecord record, Graph graph, List<Link> links, Referrers referrers, Instant lastModified,
                          long position) {

    public Description {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(referrers, "referrers");
        Objects.requireNonNull(lastModified, "lastModified");
        links = List.copyOf(links);
    }

    public RecordId id() {
        return record.id();
    }

    public boolean deleted() {
        return record.deleted();
    }

    /**
     * A record this one links to by {@code property} (an archive property such as {@code arch:issuer}), with its
     * labels by language tag; a tombstone has none and is {@code deleted}.
     */
    public record Link(Node property, RecordId target, Map<String, String> labels, boolean deleted) {
        public Link {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(target, "target");
            labels = Map.copyOf(labels);
        }
    }

    /** A record that links to this one by {@code properties}, with its labels and date (of issue, or its day). */
    public record Referrer(RecordId id, List<Node> properties, Map<String, String> labels, Optional<LocalDate> date) {
        public Referrer {
            Objects.requireNonNull(id, "id");
            properties = List.copyOf(properties);
            labels = Map.copyOf(labels);
            Objects.requireNonNull(date, "date");
        }
    }

    /**
     * The records that link to this one: {@code shown} ({@link Descriptions#SHOWN} of them, the last the store met, by date newest first), of
     * {@code total}; {@code all}, when some are not shown, is where the full list is (a search or a query page).
     */
    public record Referrers(List<Referrer> shown, int total, Optional<String> all) {
        public Referrers {
            shown = List.copyOf(shown);
            Objects.requireNonNull(all, "all");
            if (total < shown.size()) throw new IllegalArgumentException("total " + total + " is less than the " + shown.size() + " shown");
        }

        public static final Referrers NONE = new Referrers(List.of(), 0, Optional.empty());

        public boolean complete() {
            return shown.size() == total;
        }
    }
}
