package org.dhakira.web;

import org.dhakira.store.RecordStore;
import org.dhakira.store.Statistics;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** The root: a plain-text greeting with the archive's counts and where to go next. */
@Path("/")
public final class HomeResource {

    private final RecordStore store;

    public HomeResource(RecordStore store) {
        this.store = store;
    }

    /** The page for the store's last change: counting walks the archive, so it is done once per change. */
    private volatile Cached cached;

    private record Cached(long sequence, String page) {}

    @GET
    @Produces("text/plain;charset=utf-8")
    public String home() {
        long sequence = store.position().sequence();
        Cached c = cached;
        if (c != null && c.sequence() == sequence) return c.page();
        String page = render();
        cached = new Cached(sequence, page);
        return page;
    }

    private String render() {
        Statistics s = Statistics.of(store);
        StringBuilder sb = new StringBuilder("Dhakira — ذاكرة\n\n");
        s.byKind().forEach((kind, n) -> sb.append(String.format("%-14s %,d%n", kind, n)));
        sb.append(String.format("%-14s %,d%n", "deleted", s.tombstones()));
        sb.append("\nEvery thing is at ").append(store.base()).append("id/{kind}/{key}; /health tells the store's state.\n");
        return sb.toString();
    }
}
