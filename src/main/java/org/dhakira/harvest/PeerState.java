package org.dhakira.harvest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the archive remembers of one peer between harvests, committed with every page (the store's state
 * {@code harvest/{peer}}): the start of the last harvest that ended well (the next one asks {@code from} it), the
 * run in progress with the token of its next page (a harvest stopped at any moment resumes there), and how the last
 * run went.
 *
 * @param peer    the peer as last harvested, so that a peer dropped from the configuration, or harvested once with
 *                {@code harvest --url}, keeps its name, set and place on the harvest page
 */
public record PeerState(Optional<Peer> peer, Optional<Instant> lastSuccessStart, Optional<Run> run, Optional<Outcome> last) {

    public PeerState {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(lastSuccessStart, "lastSuccessStart");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(last, "last");
    }

    public static final PeerState NEW = new PeerState(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * A harvest under way: when it started (by the peer's clock), what it asks {@code from}, the next page's token,
     * the set whose list it is following (empty when the peer is harvested whole), the counts so far.
     */
    public record Run(Instant start, Optional<Instant> from, Optional<String> token, Optional<String> set, Counts counts) {
        public Run {
            Objects.requireNonNull(set, "set");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(counts, "counts");
        }
    }

    /** Records a run added, updated, deleted, left as they were and could not take, with the reasons of the first few. */
    public record Counts(long added, long updated, long deleted, long unchanged, long failed, List<Failure> failures) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, List.of());
        /** The failures kept for the harvest page; the count has them all. */
        public static final int KEPT_FAILURES = 20;

        public Counts {
            failures = List.copyOf(failures);
        }

        public long seen() {
            return added + updated + deleted + unchanged + failed;
        }

        Counts plus(Counts page) {
            List<Failure> kept = new ArrayList<>(failures);
            for (Failure f : page.failures) if (kept.size() < KEPT_FAILURES) kept.add(f);
            return new Counts(added + page.added, updated + page.updated, deleted + page.deleted, unchanged + page.unchanged,
                    failed + page.failed, kept);
        }
    }

    /** A record the harvest could not take: the peer's identifier and why. */
    public record Failure(String identifier, String reason) {}

    /** How a run ended: {@code ok}, or {@code failed} with the error (a resumable run keeps its token in {@link #run}). */
    public record Outcome(Instant started, Instant ended, boolean ok, Counts counts, Optional<String> error) {
        public Outcome {
            Objects.requireNonNull(started, "started");
            Objects.requireNonNull(ended, "ended");
            Objects.requireNonNull(counts, "counts");
            Objects.requireNonNull(error, "error");
        }
    }

    PeerState withRun(Optional<Run> r) {
        return new PeerState(peer, lastSuccessStart, r, last);
    }

    /** The state with {@code p} as the peer last harvested (its name and URL, which the configuration may lose). */
    PeerState of(Peer p) {
        return new PeerState(Optional.of(p), lastSuccessStart, run, last);
    }


    PeerState finished(Outcome outcome) {
        Optional<Instant> success = outcome.ok() ? run.map(Run::start).or(() -> lastSuccessStart) : lastSuccessStart;
        return new PeerState(peer, success, outcome.ok() ? Optional.empty() : run, Optional.of(outcome));
    }

    // --- as JSON, in the store ---

    private static final ObjectMapper JSON = new ObjectMapper();

    String toJson() {
        ObjectNode o = JSON.createObjectNode();
        peer.ifPresent(p -> o.set("peer", Peers.toJson(p)));
        lastSuccessStart.ifPresent(t -> o.put("lastSuccessStart", t.toString()));
        run.ifPresent(r -> {
            ObjectNode n = o.putObject("run");
            n.put("start", r.start().toString());
            r.from().ifPresent(f -> n.put("from", f.toString()));
            r.token().ifPresent(t -> n.put("token", t));
            r.set().ifPresent(set -> n.put("set", set));
            n.set("counts", counts(r.counts()));
        });
        last.ifPresent(l -> {
            ObjectNode n = o.putObject("last");
            n.put("started", l.started().toString());
            n.put("ended", l.ended().toString());
            n.put("ok", l.ok());
            n.set("counts", counts(l.counts()));
            l.error().ifPresent(e -> n.put("error", e));
        });
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings cannot fail to serialise", e);
        }
    }

    private static ObjectNode counts(Counts c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("added", c.added()).put("updated", c.updated()).put("deleted", c.deleted()).put("unchanged", c.unchanged()).put("failed", c.failed());
        var list = n.putArray("failures");
        c.failures().forEach(f -> list.addObject().put("identifier", f.identifier()).put("reason", f.reason()));
        return n;
    }

    static PeerState fromJson(String json) {
        JsonNode o;
        try {
            o = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored harvest state is not JSON: " + e.getOriginalMessage(), e);
        }
        Optional<Run> run = Optional.empty();
        if (o.hasNonNull("run")) {
            JsonNode r = o.get("run");
            run = Optional.of(new Run(Instant.parse(r.get("start").asText()), instant(r, "from"), text(r, "token"),
                    r.path("set").isTextual() ? Optional.of(r.get("set").asText()) : Optional.empty(), counts(r.get("counts"))));
        }
        Optional<Outcome> last = Optional.empty();
        if (o.hasNonNull("last")) {
            JsonNode l = o.get("last");
            last = Optional.of(new Outcome(Instant.parse(l.get("started").asText()), Instant.parse(l.get("ended").asText()),
                    l.path("ok").asBoolean(), counts(l.get("counts")), text(l, "error")));
        }
        Optional<Peer> peer = o.hasNonNull("peer") ? Optional.of(Peers.fromJson(o.get("peer"))) : Optional.empty();
        return new PeerState(peer, instant(o, "lastSuccessStart"), run, last);
    }

    private static Counts counts(JsonNode n) {
        if (n == null) return Counts.NONE;
        List<Failure> failures = new ArrayList<>();
        n.path("failures").forEach(f -> failures.add(new Failure(f.path("identifier").asText(), f.path("reason").asText())));
        return new Counts(n.path("added").asLong(), n.path("updated").asLong(), n.path("deleted").asLong(), n.path("unchanged").asLong(),
                n.path("failed").asLong(), failures);
    }

    private static Optional<String> text(JsonNode n, String field) {
        return n.hasNonNull(field) ? Optional.of(n.get(field).asText()) : Optional.empty();
    }

    private static Optional<Instant> instant(JsonNode n, String field) {
        return text(n, field).map(Instant::parse);
    }
}
