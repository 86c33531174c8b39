package org.dhakira.web;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Response;

/**
 * The admission queue of the heavy doors: at most {@code running} requests do their costly work at once, at most
 * {@code waiting} more wait for a turn (in the order they came, for at most {@code maxWait}), and any beyond are
 * answered at once with 503 and {@code Retry-After}. A burst of costly queries then slows the heavy doors down
 * instead of taking every server thread and the cheap doors with them.
 *
 * <pre>{@code try (Admission.Turn turn = admission.enter()) {
 *     answer = endpoint.answer(query);
 * }}</pre>
 */
public final class Admission {

    private final String what;
    private final int running;
    private final int waiting;
    private final Duration maxWait;
    /** Fair, so that those who wait are served in turn and not overtaken by newcomers. */
    private final Semaphore turns;
    private final AtomicInteger queued = new AtomicInteger();

    /** @param what what the turns are for, as the refusal names it ("SPARQL queries and VoID counts") */
    public Admission(String what, int running, int waiting, Duration maxWait) {
        if (what == null || what.isBlank()) throw new IllegalArgumentException("what must name what the turns are for");
        if (running < 1) throw new IllegalArgumentException("running must be at least 1, was " + running);
        if (waiting < 0) throw new IllegalArgumentException("waiting must not be negative, was " + waiting);
        if (maxWait == null || maxWait.isNegative() || maxWait.isZero()) throw new IllegalArgumentException("maxWait must be positive, was " + maxWait);
        this.what = what;
        this.running = running;
        this.waiting = waiting;
        this.maxWait = maxWait;
        this.turns = new Semaphore(running, true);
    }

    /**
     * A turn, now or after a wait.
     *
     * @throws ServiceUnavailableException (503 with Retry-After) when the queue is full or the wait ran out
     */
    public Turn enter() {
        try {
            // tryAcquire(0, …) and not tryAcquire(): the timed form keeps the semaphore's fairness.
            if (turns.tryAcquire(0, TimeUnit.SECONDS)) return new Turn();
            if (queued.incrementAndGet() > waiting) {
                queued.decrementAndGet();
                throw busy(running + " " + what + " are running and " + waiting + " more are waiting for a turn");
            }
            try {
                if (turns.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) return new Turn();
                throw busy("this request waited " + maxWait.toSeconds() + " s for a turn among " + running + " running " + what);
            } finally {
                queued.decrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy("the server is stopping");
        }
    }

    /** How many turns are taken now. */
    public int running() {
        return running - turns.availablePermits();
    }

    /** How many requests wait for a turn now. */
    public int waiting() {
        return queued.get();
    }

    private ServiceUnavailableException busy(String why) {
        long retry = Math.max(1, maxWait.toSeconds());
        return new ServiceUnavailableException(Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header("Retry-After", retry).type("text/plain;charset=utf-8")
                .entity("The archive is busy: " + why + ". Please try again in " + retry + " s.\n").build());
    }

    /** One request's turn, given back when closed (once, however often closed). */
    public final class Turn implements AutoCloseable {
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Turn() {}

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) turns.release();
        }
    }
}
