package org.dhakira.harvest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.dhakira.ingest.Progress;

/**
 * The enabled peers harvested in the background while the archive serves, one harvest at a time: a peer is due
 * {@code every} after its last harvest ended (at once if never harvested), and a failed one is tried again after
 * {@link #RETRY}, resuming where it stopped, so a peer down for a day is not asked every minute nor forgotten.
 * Closing lets the page in hand commit and stops before the next one.
 *
 * <pre>{@code try (HarvestSchedule s = HarvestSchedule.start(archive.harvester(), archive.configuredPeers(), clock)) { … }}</pre>
 */
public final class HarvestSchedule implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(HarvestSchedule.class);

    /** How long a failed harvest waits before it is tried again (unless the peer's own period is shorter). */
    static final Duration RETRY = Duration.ofMinutes(15);
    /** How often the schedule looks for peers that are due. */
    static final Duration TICK = Duration.ofMinutes(1);

    private final Harvester harvester;
    private final List<Peer> peers;
    private final Clock clock;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dhakira-harvest");
        t.setDaemon(true);
        return t;
    });

    private HarvestSchedule(Harvester harvester, List<Peer> peers, Clock clock) {
        this.harvester = harvester;
        this.peers = List.copyOf(peers);
        this.clock = clock;
    }

    /** Starts harvesting the enabled ones of {@code peers}; with none enabled, nothing runs. */
    public static HarvestSchedule start(Harvester harvester, List<Peer> peers, Clock clock) {
        HarvestSchedule s = new HarvestSchedule(harvester, peers, clock);
        if (peers.stream().anyMatch(Peer::enabled)) {
            s.thread.scheduleWithFixedDelay(s::harvestDue, 5, TICK.toSeconds(), TimeUnit.SECONDS);
            LOG.info("Harvesting {} on schedule", peers.stream().filter(Peer::enabled).map(Peer::id).toList());
        }
        return s;
    }

    /** When {@code peer} is next due, given what the archive remembers of it. */
    public static Instant due(Peer peer, PeerState state) {
        Optional<PeerState.Outcome> last = state.last();
        if (last.isEmpty()) return Instant.EPOCH;
        Duration wait = last.get().ok() ? peer.every() : (peer.every().compareTo(RETRY) < 0 ? peer.every() : RETRY);
        return last.get().ended().plus(wait);
    }

    private void harvestDue() {
        for (Peer peer : peers) {
            if (stopping.get()) return;
            if (!peer.enabled()) continue;
            try {
                if (due(peer, harvester.state(peer.id())).isAfter(clock.instant())) continue;
                LOG.info("Harvesting {} ({})", peer.id(), peer.baseUrl());
                PeerState.Outcome o = harvester.harvest(peer, Progress.NONE, stopping::get);
                PeerState.Counts c = o.counts();
                if (o.ok()) {
                    LOG.info("Harvested {}: {} added, {} updated, {} deleted, {} unchanged, {} not taken", peer.id(),
                            c.added(), c.updated(), c.deleted(), c.unchanged(), c.failed());
                } else {
                    LOG.warn("Harvest of {} stopped: {}", peer.id(), o.error().orElse("?"));
                }
            } catch (RuntimeException e) {
                // One peer's surprise must not end the schedule of the others.
                LOG.error("Harvest of " + peer.id() + " failed", e);
            }
        }
    }

    /** Stops after the page in hand (waiting at most {@code patience}); a harvest cut short resumes at the next start. */
    public void close(Duration patience) {
        stopping.set(true);
        thread.shutdown();
        try {
            if (!thread.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("A harvest is still waiting for its peer; what it committed is kept, the rest is asked again next time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
