package org.dhakira.crawl;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.dhakira.index.Listing;
import org.dhakira.store.RecordStore;

/**
 * The sitemap (sitemaps.org 0.9): an index of pages, each listing at most {@code pageSize} live records'
 * descriptions ({@code {base}doc/{kind}/{key}}) with their datestamps as {@code lastmod}; tombstones are left out.
 * The records are taken in the order of the index's listing (by sequence number), and a page is a range of
 * sequence numbers: its lower end is a keyset position, so page n costs its own records, never the n-1 pages
 * before it. Where the ranges split is found by one walk over the listing's doc values for each store change,
 * and only when a sitemap is asked for.
 *
 * <pre>{@code Sitemap s = new Sitemap(listing, store, 50_000);
 * s.writeIndex(out);   // <sitemapindex> naming {base}sitemap/1.xml …
 * s.writePage(1, out); // <urlset> of the first 50,000}</pre>
 */
public final class Sitemap {

    static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    /** Listing entries read at a time: the doc values of a chunk, never the records. */
    private static final int CHUNK = 5_000;

    private final Listing listing;
    private final RecordStore store;
    private final int pageSize;
    private final XMLOutputFactory xml = XMLOutputFactory.newFactory();
    private volatile Pages cached;

    /**
     * Where the pages split, for the listing as it was at one store change: page i (from 1) holds the live
     * records with sequence numbers in (upper[i-2], upper[i-1]], the last page everything after.
     */
    private record Pages(long sequence, long[] upper) {
        int count() {
            return upper.length + 1;
        }

        long low(int page) {
            return page == 1 ? 0 : upper[page - 2];
        }

        long high(int page) {
            return page == count() ? Long.MAX_VALUE : upper[page - 1];
        }
    }

    public Sitemap(Listing listing, RecordStore store, int pageSize) {
        if (pageSize < 1 || pageSize > CrawlSettings.SITEMAP_LIMIT) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + CrawlSettings.SITEMAP_LIMIT + ", was " + pageSize);
        }
        this.listing = listing;
        this.store = store;
        this.pageSize = pageSize;
    }

    /** How many pages the sitemap has now (at least one, which an empty archive leaves empty). */
    public int pages() {
        return pagesNow().count();
    }

    /** The store change the current pages reflect: with a page number, a validator of that page. */
    public long sequence() {
        return pagesNow().sequence();
    }

    private Pages pagesNow() {
        long sequence = store.position().sequence();
        Pages p = cached;
        if (p != null && p.sequence() == sequence) return p;
        synchronized (this) {
            p = cached;
            if (p != null && p.sequence() == sequence) return p;
            return split(sequence);
        }
    }

    /** One walk over the listing, counting live records, noting where each page fills up. */
    private Pages split(long sequence) {
        List<Long> upper = new ArrayList<>();
        long after = 0;
        int live = 0;
        boolean current = true;
        Listing.Page chunk;
        do {
            chunk = listing.page(Optional.empty(), Optional.empty(), Optional.empty(), after, CHUNK);
            if (chunk.seenThrough() < sequence) current = false;
            for (Listing.Entry e : chunk.entries()) {
                if (e.deleted()) continue;
                if (++live == pageSize) {
                    upper.add(e.sequence());
                    live = 0;
                }
            }
            after = chunk.last();
        } while (chunk.more());
        // A last page that would start after every live record is no page.
        if (live == 0 && !upper.isEmpty()) upper.remove(upper.size() - 1);
        Pages p = new Pages(sequence, upper.stream().mapToLong(Long::longValue).toArray());
        // An index still catching up with the store is not cached, so the next request sees the change.
        if (current) cached = p;
        return p;
    }

    /** The sitemap index: one {@code <sitemap>} per page, {@code {base}sitemap/{n}.xml}. */
    public void writeIndex(OutputStream out) throws XMLStreamException {
        int count = pages();
        XMLStreamWriter w = xml.createXMLStreamWriter(out, "UTF-8");
        w.writeStartDocument("UTF-8", "1.0");
        w.setDefaultNamespace(NS);
        w.writeStartElement("", "sitemapindex", NS);
        w.writeDefaultNamespace(NS);
        for (int n = 1; n <= count; n++) {
            w.writeStartElement(NS, "sitemap");
            element(w, "loc", store.base() + "sitemap/" + n + ".xml");
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndDocument();
        w.close();
    }

    /** Whether page {@code n} exists (pages count from 1). */
    public boolean hasPage(int n) {
        return n >= 1 && n <= pages();
    }

    /**
     * Page {@code n}: its live records' descriptions, each with its datestamp, in listing order. A page that a
     * change since {@link #hasPage} has done away with comes out empty rather than as half a response.
     */
    public void writePage(int n, OutputStream out) throws XMLStreamException {
        Pages p = pagesNow();
        boolean gone = n < 1 || n > p.count();
        long high = gone ? -1 : p.high(n);
        XMLStreamWriter w = xml.createXMLStreamWriter(out, "UTF-8");
        w.writeStartDocument("UTF-8", "1.0");
        w.setDefaultNamespace(NS);
        w.writeStartElement("", "urlset", NS);
        w.writeDefaultNamespace(NS);
        long after = gone ? 0 : p.low(n);
        Listing.Page chunk;
        boolean past = gone;
        while (!past) {
            chunk = listing.page(Optional.empty(), Optional.empty(), Optional.empty(), after, CHUNK);
            for (Listing.Entry e : chunk.entries()) {
                if (e.sequence() > high) {
                    past = true;
                    break;
                }
                if (e.deleted()) continue;
                w.writeStartElement(NS, "url");
                element(w, "loc", store.base() + "doc/" + e.id().path());
                element(w, "lastmod", e.datestamp().toString());
                w.writeEndElement();
            }
            after = chunk.last();
            if (!chunk.more()) break;
        }
        w.writeEndElement();
        w.writeEndDocument();
        w.close();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(NS, name);
        w.writeCharacters(text);
        w.writeEndElement();
    }
}
