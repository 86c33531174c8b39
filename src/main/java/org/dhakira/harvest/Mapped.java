package org.dhakira.harvest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.dhakira.store.RecordId;

/**
 * A harvested record as this archive will hold it: its id here and its graph (provenance not yet added), or why
 * it cannot be held; {@code skipped} for a record this archive need not hold (its own, come back from a peer).
 */
public record Mapped(Optional<RecordId> id, Optional<Graph> graph, List<String> problems, boolean skipped) {
    public Mapped {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(graph, "graph");
        problems = List.copyOf(problems);
    }

    public static Mapped of(RecordId id, Graph graph) {
        return new Mapped(Optional.of(id), Optional.of(graph), List.of(), false);
    }

    public static Mapped failed(String problem) {
        return new Mapped(Optional.empty(), Optional.empty(), List.of(problem), false);
    }

    public static Mapped failed(List<String> problems) {
        return new Mapped(Optional.empty(), Optional.empty(), problems, false);
    }

    public static Mapped skip() {
        return new Mapped(Optional.empty(), Optional.empty(), List.of(), true);
    }

    public boolean ok() {
        return graph.isPresent();
    }
}
