package org.dhakira.harvest;

import java.net.URI;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * One list followed to its end, a page at a time: each {@link #next()} is one request. A token the peer sends a
 * second time ends the harvest with {@link ResumptionTokenLoopException} rather than going round for ever. Not
 * thread-safe; one harvest is one loop.
 *
 * <pre>{@code
 * Harvest h = client.harvest(baseUrl, Selection.all("oai_dc"), Granularity.DAY);
 * h.forEachRemaining(page -> commit(page.records(), page.next()));
 * }</pre>
 */
public final class Harvest implements Iterator<Page> {
    private final OaiClient client;
    private final URI baseUrl;
    private final Selection selection;
    private final Granularity granularity;
    /** Digests of the tokens met: a loop is found without keeping every token a long harvest has seen. */
    private final Set<String> tokens = new HashSet<>();
    /** Pages in a row that held no record but promised more: a peer paging on for ever without a repeated token. */
    private int emptyInARow;
    private Optional<ResumptionToken> next;
    private boolean started;
    private int pages;

    /** From the first page ({@code selection}), or after {@code token} when resuming. */
    Harvest(OaiClient client, URI baseUrl, Selection selection, Granularity granularity, ResumptionToken token) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.selection = selection;
        this.granularity = granularity;
        this.next = Optional.ofNullable(token);
        this.started = token != null;
        next.ifPresent(t -> tokens.add(digest(t.value())));
    }

    @Override
    public boolean hasNext() {
        return !started || next.isPresent();
    }

    /**
     * @throws HarvestException when the peer fails this page (after the retries its failure allows); the harvest
     *         stays where it was, so {@code next()} may be called again later, except after a token loop
     */
    @Override
    public Page next() {
        if (!hasNext()) throw new NoSuchElementException("the list has ended");
        Page page = started ? client.listRecords(baseUrl, next.get()) : client.listRecords(baseUrl, selection, granularity);
        started = true;
        pages++;
        if (page.next().isPresent() && !tokens.add(digest(page.next().get().value()))) {
            next = Optional.empty();
            throw new ResumptionTokenLoopException(baseUrl, page.next().get(), pages);
        }
        emptyInARow = page.records().isEmpty() && page.next().isPresent() ? emptyInARow + 1 : 0;
        if (emptyInARow > MAX_EMPTY_PAGES) {
            next = Optional.empty();
            throw new ResumptionTokenLoopException(baseUrl, page.next().get(), pages);
        }
        next = page.next();
        return page;
    }

    static final int MAX_EMPTY_PAGES = 100;

    private static String digest(String token) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Pages fetched so far. */
    public int pages() {
        return pages;
    }
}
