package org.dhakira.harvest;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A {@link Harvest} read one page ahead on a thread of its own: while the harvester writes a page, the next one
 * travels from the peer and is parsed, so a harvest costs the longer of the two rather than their sum. The pages
 * come in order, and the peer's failure of a page surfaces where that page is asked for.
 */
final class PagesAhead implements AutoCloseable {

    private final Harvest harvest;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dhakira-harvest-fetch");
        t.setDaemon(true);
        return t;
    });
    private Future<Page> ahead;

    PagesAhead(Harvest harvest) {
        this.harvest = harvest;
        this.ahead = harvest.hasNext() ? thread.submit(harvest::next) : null;
    }

    boolean hasNext() {
        return ahead != null;
    }

    /** @throws HarvestException as {@link Harvest#next()} does, for this page */
    Page next() {
        Page page;
        try {
            page = ahead.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the peer's next page", e);
        } catch (ExecutionException e) {
            ahead = null;
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
        // The fetch is over (get returned), so asking the harvest where it stands races with nothing.
        ahead = harvest.hasNext() ? thread.submit(harvest::next) : null;
        return page;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
