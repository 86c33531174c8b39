package org.dhakira.harvest;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.dhakira.ingest.Problem;
import org.dhakira.ingest.Progress;
import org.dhakira.ingest.RecordValidator;
import org.dhakira.oai.OaiError;
import org.dhakira.provenance.Origin;
import org.dhakira.provenance.Provenance;
import org.dhakira.store.Batch;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;
import org.dhakira.store.StoredRecord;

/**
 * Harvests peers into the archive. Each page's records and the state that says where the harvest stands (the next
 * token, the counts) commit in one store batch (a few pages together: at most {@link #GROUP_PAGES} pages, {@link #GROUP_RECORDS} records, or what came in {@link #GROUP_WAIT}), so a
 * harvest stopped at any moment, by a crash or a failing peer, resumes after the last committed page with nothing
 * lost or doubled. The first harvest of a peer is complete; each
 * later one asks {@code from} the start of the last one that ended well, by the peer's clock where it gives it.
 * A record that cannot be mapped or does not validate is counted and kept in the peer's failures, and the harvest
 * goes on. One harvest at a time per peer (the caller's to ensure); the store runs one batch at a time anyway.
 *
 * <pre>{@code PeerState.Outcome o = harvester.harvest(peer, Progress.NONE);}</pre>
 */
public final class Harvester {

    private final RecordStore store;
    private final OaiClient client;
    private final RecordValidator validator;
    private final Optional<Crosswalk> crosswalk;
    private final Clock clock;

    /**
     * @param crosswalk maps the peers that are not Dhakira archives ({@code oai_dc}); without one only {@code rdf}
     *                  peers can be harvested
     */
    public Harvester(RecordStore store, OaiClient client, Optional<Crosswalk> crosswalk, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.client = Objects.requireNonNull(client, "client");
        this.crosswalk = Objects.requireNonNull(crosswalk, "crosswalk");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.validator = new RecordValidator(store.vocabulary(), store.uris());
    }

    /** The state key of a peer in the store. */
    static String stateKey(String peerId) {
        return "harvest/" + peerId;
    }

    /** What the archive remembers of {@code peerId}: {@link PeerState#NEW} if it was never harvested. */
    public PeerState state(String peerId) {
        return store.state(stateKey(peerId)).map(PeerState::fromJson).orElse(PeerState.NEW);
    }

    /** Every peer harvested here, ever, by id: what the harvest page and the {@code source:} sets show. */
    public java.util.SortedMap<String, PeerState> harvested() {
        java.util.SortedMap<String, PeerState> all = new java.util.TreeMap<>();
        store.states("harvest/").forEach((key, json) -> all.put(key.substring("harvest/".length()), PeerState.fromJson(json)));
        return all;
    }

    /**
     * Runs one harvest of {@code peer}: resumes the one under way if a token was committed, else starts one. Never
     * throws for the peer's failures: they end the run, are recorded in the peer's state and returned.
     */
    public PeerState.Outcome harvest(Peer peer, Progress progress) {
        return harvest(peer, progress, () -> false);
    }

    /**
     * As {@link #harvest(Peer, Progress)}, stopping before the next page once {@code stopping} says so: the run is
     * then left to resume, and its outcome says it was stopped.
     */
    public PeerState.Outcome harvest(Peer peer, Progress progress, java.util.function.BooleanSupplier stopping) {
        Instant started = now();
        PeerState state = state(peer.id()).of(peer);
        boolean restarted = false;
        while (true) {
            try {
                return run(peer, state, started, progress, stopping);
            } catch (OaiErrorException e) {
                // A token the peer no longer honours: the list is asked again from the start, once; pages already
                // committed are met again as unchanged.
                if (e.error().filter(OaiError.badResumptionToken::equals).isPresent() && !restarted) {
                    restarted = true;
                    state = state(peer.id()).of(peer);
                    PeerState.Run r = state.run().orElseThrow();
                    state = state.withRun(Optional.of(new PeerState.Run(r.start(), r.from(), Optional.empty(), r.set(), r.counts())));
                    continue;
                }
                return fail(peer, started, e);
            } catch (HarvestException e) {
                return fail(peer, started, e);
            } catch (IllegalArgumentException e) {
                // The peer cannot be harvested as configured (a format no crosswalk reads, an id taken): said where
                // the operator looks, on the harvest page, rather than only in a log the schedule writes each minute.
                return fail(peer, started, new PeerMisconfiguredException(peer.baseUrl(), e.getMessage()));
            } finally {
                progress.end();
            }
        }
    }

    private PeerState.Outcome run(Peer peer, PeerState state, Instant started, Progress progress, java.util.function.BooleanSupplier stopping) {
        boolean rdf = "rdf".equals(peer.metadataPrefix());
        if (!rdf && crosswalk.filter(c -> c.metadataPrefix().equals(peer.metadataPrefix())).isEmpty()) {
            throw new IllegalArgumentException(peer.id() + ": no crosswalk reads " + peer.metadataPrefix() + " (rdf is read as it is)");
        }
        if (!rdf && store.uris().originBase(peer.id()).isPresent()) {
            // Its records' keys would read as that origin's things: '{peer}~…' must name one of the two only.
            throw new IllegalArgumentException(peer.id() + " is already the name of the URIs of " + store.uris().originBase(peer.id()).get()
                    + ", harvested in rdf; give this peer another id");
        }
        Optional<Crosswalk.Run> mapping = rdf ? Optional.empty() : Optional.of(crosswalk.get().begin(peer, store));
        Identity identity = client.identify(peer.baseUrl());
        // A peer's sets are listed one after another, each to its end; the run's token is the current list's.
        List<Optional<String>> sets = peer.sets().isEmpty() ? List.of(Optional.empty()) : peer.sets().stream().distinct().map(Optional::of).toList();
        // From a little before the last harvest began: a peer stamps a record as it writes it, and commits it a moment
        // later, so one stamped just before that start may have been committed after the list passed its place.
        PeerState.Run run = state.run().orElseGet(() -> new PeerState.Run(identity.responseDate().orElse(started),
                state.lastSuccessStart().map(t -> t.minus(OVERLAP)), Optional.empty(), sets.get(0), PeerState.Counts.NONE));
        progress.start("Harvesting " + peer.id(), -1);
        // Origins are not named after the peers whose records are minted '{id}~…' here: their keys would read as that origin's.
        java.util.Set<String> minted = new java.util.HashSet<>();
        harvested().forEach((id, st) -> st.peer().filter(p -> !"rdf".equals(p.metadataPrefix())).ifPresent(p -> minted.add(id)));
        NativeCopy natives = new NativeCopy(peer, store.uris(), minted::contains);
        Provenance.Hop hop = hop(peer, run.start());
        PeerState current = state.withRun(Optional.of(run));
        int list = sets.indexOf(run.set());
        if (list < 0) {
            // The peer's sets were changed since the run stopped: its token may be another list's, so the lists are
            // asked again from the first (what was taken is met again as unchanged).
            list = 0;
            run = new PeerState.Run(run.start(), run.from(), Optional.empty(), sets.get(0), run.counts());
            current = current.withRun(Optional.of(run));
        }
        while (true) {
            Optional<String> nextSet = list + 1 < sets.size() ? sets.get(list + 1) : sets.get(list);
            try (PagesAhead h = new PagesAhead(run.token().isPresent()
                    ? client.resume(peer.baseUrl(), new ResumptionToken(run.token().get()))
                    : client.harvest(peer.baseUrl(), new Selection(peer.metadataPrefix(), run.set(), run.from()), identity.granularity()))) {
                List<Page> pending = new ArrayList<>();
                int pendingRecords = 0;
                long firstPending = 0;
                while (h.hasNext()) {
                    if (stopping.getAsBoolean()) {
                        if (!pending.isEmpty()) current = commit(peer, pending, natives, mapping, hop, current, nextSet, started, false);
                        PeerState.Outcome stopped = new PeerState.Outcome(started, now(), false, current.run().orElseThrow().counts(),
                                Optional.of("stopped as the archive shut down; the next harvest resumes after the last page taken"));
                        save(peer, current.finished(stopped));
                        return stopped;
                    }
                    Page page;
                    try {
                        page = h.next();
                    } catch (HarvestException e) {
                        // The pages fetched before the failing one are kept, with the token that follows them.
                        if (!pending.isEmpty()) commit(peer, pending, natives, mapping, hop, current, nextSet, started, false);
                        throw e;
                    }
                    if (pending.isEmpty()) firstPending = System.nanoTime();
                    pending.add(page);
                    pendingRecords += page.records().size();
                    boolean lastOfList = page.next().isEmpty();
                    // Pages are written a few at a time, each group with the token after its last page: a commit costs a
                    // journal sync, a hundred records' worth of writing on a slow disk, and resuming is as exact.
                    if (!lastOfList && pendingRecords < GROUP_RECORDS && pending.size() < GROUP_PAGES
                            && System.nanoTime() - firstPending < GROUP_WAIT.toNanos()) continue;
                    boolean lastOfRun = lastOfList && list + 1 == sets.size();
                    current = commit(peer, pending, natives, mapping, hop, current, nextSet, started, lastOfRun);
                    if (lastOfRun) return current.last().orElseThrow();
                    progress.advance(pendingRecords);
                    pending.clear();
                    pendingRecords = 0;
                }
                run = current.run().orElseThrow();
                list = sets.indexOf(run.set());
            }
        }
    }

    /**
     * Writes {@code pages} in one batch with the state after them: the token after the last, the list to follow
     * ({@code nextSet} once this one ends), the counts, and, if {@code lastOfRun}, the harvest's end. Returns that state.
     */
    private PeerState commit(Peer peer, List<Page> pages, NativeCopy natives, Optional<Crosswalk.Run> mapping, Provenance.Hop hop,
                             PeerState current, Optional<String> nextSet, Instant started, boolean lastOfRun) {
        PeerState.Run run = current.run().orElseThrow();
        Page last = pages.get(pages.size() - 1);
        boolean lastOfList = last.next().isEmpty();
        try (Batch batch = store.begin()) {
            PeerState.Counts counts = PeerState.Counts.NONE;
            for (Page p : pages) counts = counts.plus(write(peer, p, batch, natives, mapping, hop));
            run = new PeerState.Run(run.start(), run.from(), last.next().map(ResumptionToken::value), lastOfList ? nextSet : run.set(),
                    run.counts().plus(counts));
            PeerState next = current.withRun(Optional.of(run));
            // The last page commits the harvest's end with it: no moment where its records are in and the run is not over.
            if (lastOfRun) next = next.finished(new PeerState.Outcome(started, now(), true, run.counts(), Optional.empty()));
            batch.putState(stateKey(peer.id()), next.toJson());
            batch.commit();
            return next;
        }
    }

    /** How far before the last harvest's start the next one asks from; records met again are found unchanged. */
    static final java.time.Duration OVERLAP = java.time.Duration.ofMinutes(5);

    /** Records written in one transaction at most (whole pages, so a group may pass it by one page). */
    static final int GROUP_RECORDS = 1_000;
    /** Pages written in one transaction at most: a peer with short pages still commits every few of them. */
    static final int GROUP_PAGES = 10;
    /** How long fetched pages may wait to be written, so a slow peer's records show up as they come. */
    static final java.time.Duration GROUP_WAIT = java.time.Duration.ofSeconds(5);

    private PeerState.Counts write(Peer peer, Page page, Batch batch, NativeCopy natives, Optional<Crosswalk.Run> mapping, Provenance.Hop hop) {
        long added = 0, updated = 0, deleted = 0, unchanged = 0;
        List<PeerState.Failure> failures = new ArrayList<>();
        for (HarvestedRecord r : page.records()) {
            RecordHeader header = r.header();
            if (header.deleted()) {
                // A peer Dhakira's deletion carries no URI: the record is the one held here from this peer under that
                // identifier, if any (a deletion of one never held leaves nothing; one another peer gave is not this one's).
                Optional<RecordId> id = mapping.isEmpty() ? heldFrom(batch, peer, header.identifier()) : mapping.get().id(header.identifier());
                if (id.isEmpty()) {
                    if (mapping.isPresent()) failures.add(new PeerState.Failure(header.identifier(), "a deletion whose identifier makes no key here"));
                    else unchanged++;
                    continue;
                }
                if (batch.status(id.get()).filter(RecordStore.Status.DELETED::equals).isPresent()) {
                    unchanged++;
                    continue;
                }
                batch.delete(id.get(), hop.agent());
                deleted++;
                continue;
            }
            Mapped m = mapping.isEmpty() ? natives.map(r, batch) : mapping.get().map(r);
            if (m.skipped()) {
                unchanged++;
                continue;
            }
            if (!m.ok()) {
                failures.add(new PeerState.Failure(header.identifier(), String.join("; ", m.problems())));
                continue;
            }
            RecordId id = m.id().orElseThrow();
            Graph g = m.graph().orElseThrow();
            Node thing = NodeFactory.createURI(store.uris().iri(id));
            Optional<StoredRecord> held = batch.find(id);
            if (held.isPresent() && held.get().deleted()) {
                failures.add(new PeerState.Failure(header.identifier(), id + " was deleted here; its identifier is never reused"));
                continue;
            }
            List<Origin> before = Provenance.chain(g, thing);
            if (before.stream().anyMatch(o -> o.baseUrl().toString().equals(store.base() + "oai"))) {
                unchanged++; // it went through this archive already: two archives harvesting each other pass it back and forth
                continue;
            }
            if (held.isPresent() && !newer(held.get().graph(), thing, peer, before, header, g)) {
                unchanged++;
                continue;
            }
            // A crosswalk checks what it makes; a peer Dhakira's record is checked here, without its earlier provenance.
            List<Problem> problems = mapping.isPresent() ? List.of()
                    : validator.check(peer.id() + " " + header.identifier(), id, Provenance.without(g, thing));
            if (!problems.isEmpty()) {
                failures.add(new PeerState.Failure(header.identifier(), String.join("; ", problems.stream()
                        .map(p -> (p.field().isEmpty() ? "" : p.field() + ": ") + p.reason()).toList())));
                continue;
            }
            // What a peer says of this archive's own harvests (its agents and activities) is not taken from it.
            String ours = Provenance.harvestNames(store.base());
            g.find().filterKeep(t -> t.getSubject().isURI() && t.getSubject().getURI().startsWith(ours)).toList().forEach(g::delete);
            Provenance.add(g, thing, hop, header.identifier(), header.datestamp());
            batch.put(id, g);
            if (held.isPresent()) updated++;
            else added++;
        }
        return new PeerState.Counts(added, updated, deleted, unchanged, failures.size(), failures);
    }

    /**
     * Whether what came is to replace the held record. From the peer it is attributed to: when its content differs
     * (a datestamp alone cannot say: a day-granular peer gives a record changed twice a day one datestamp). From
     * another peer (two peers holding copies of a third archive's record): only a copy newer at its first origin.
     */
    private boolean newer(Graph held, Node thing, Peer peer, List<Origin> incoming, RecordHeader header, Graph g) {
        List<Origin> had = Provenance.chain(held, thing);
        if (had.isEmpty()) return true;
        if (!had.get(0).baseUrl().equals(peer.baseUrl())) {
            Instant theirs = incoming.isEmpty() ? header.datestamp() : incoming.get(incoming.size() - 1).datestamp();
            return theirs.isAfter(had.get(had.size() - 1).datestamp());
        }
        Graph was = Provenance.without(held, thing);
        Graph is = store.vocabulary().withSuperTerms(Provenance.without(g, thing));
        return was.size() != is.size() || is.find().filterDrop(was::contains).hasNext();
    }

    /** The live record held here from {@code peer} under its OAI {@code identifier}, found by its provenance. */
    private Optional<RecordId> heldFrom(Batch batch, Peer peer, String identifier) {
        for (RecordId id : batch.holding(org.dhakira.vocab.Prov.identifier, NodeFactory.createLiteralString(identifier))) {
            Optional<StoredRecord> r = batch.find(id).filter(x -> !x.deleted());
            if (r.isEmpty()) continue;
            List<Origin> chain = Provenance.chain(r.get().graph(), NodeFactory.createURI(store.uris().iri(id)));
            if (!chain.isEmpty() && chain.get(0).baseUrl().equals(peer.baseUrl()) && chain.get(0).identifier().equals(identifier)) return Optional.of(id);
        }
        return Optional.empty();
    }

    private Provenance.Hop hop(Peer peer, Instant start) {
        boolean rdf = "rdf".equals(peer.metadataPrefix());
        return new Provenance.Hop(Provenance.agent(store.base(), peer.id()), peer.nameAr(), peer.nameEn(),
                Provenance.activity(store.base(), peer.id(), start), start, peer.baseUrl(), peer.metadataPrefix(),
                rdf ? org.apache.jena.vocabulary.RDF.getURI() : crosswalk.orElseThrow().metadataNamespace(), !rdf);
    }

    private PeerState.Outcome fail(Peer peer, Instant started, HarvestException e) {
        PeerState state = state(peer.id()).of(peer);
        PeerState.Counts counts = state.run().map(PeerState.Run::counts).orElse(PeerState.Counts.NONE);
        PeerState.Outcome outcome = new PeerState.Outcome(started, now(), false, counts, Optional.of(e.getMessage()));
        // A token loop would loop again: that run starts afresh next time; any other failure resumes where it stopped.
        PeerState next = state.finished(outcome);
        if (e instanceof ResumptionTokenLoopException) next = next.withRun(Optional.empty());
        save(peer, next);
        return outcome;
    }

    private void save(Peer peer, PeerState state) {
        try (Batch batch = store.begin()) {
            batch.putState(stateKey(peer.id()), state.toJson());
            batch.commit();
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
