package org.dhakira.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dhakira.index.InvalidQueryException;
import org.dhakira.index.Search;
import org.dhakira.index.SearchQuery;
import org.dhakira.store.RecordStore;
import org.dhakira.store.Statistics;
import org.dhakira.vocab.Kind;
import org.dhakira.vocab.Vocabulary;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * The root: the home page people read (counts by kind, the newest documents, the search box, the ways in), and
 * the same counts as plain text for clients that ask for {@code text/plain}.
 */
@Path("/")
public final class HomeResource {

    /** How many of the newest documents the home page lists. */
    static final int NEWEST = 10;

    private final RecordStore store;
    private final Search search;
    private final Templates templates;
    private final Vocabulary vocabulary;

    public HomeResource(RecordStore store, Search search, Templates templates) {
        this.store = store;
        this.search = search;
        this.templates = templates;
        this.vocabulary = store.vocabulary();
    }

    /** The counts for the store's last change: counting walks the archive, so it is done once per change. */
    private volatile Cached cached;

    private record Cached(long sequence, Statistics statistics) {}

    record Count(String kind, String label, long count, String href) {}

    @GET
    @Produces("text/html;charset=utf-8")
    public Response page(@QueryParam("lang") String lang, @HeaderParam("Accept-Language") String acceptLanguage) throws InvalidQueryException {
        String ui = SearchResource.uiLanguage(lang, acceptLanguage);
        PageFrame frame = PageFrame.at("/", ui, "", PageFrame.chooses(lang));
        Statistics s = statistics();
        Map<String, Object> v = frame.view();
        List<Count> counts = new ArrayList<>();
        for (Kind k : Kind.values()) {
            counts.add(new Count(k.segment(), vocabulary.label(k.type(), ui).orElse(k.segment()), s.byKind().getOrDefault(k.segment(), 0L),
                    frame.inLanguage("/search?kind=" + k.segment() + "&sort=newest")));
        }
        v.put("counts", counts);
        v.put("tombstones", s.tombstones());
        SearchQuery newest = new SearchQuery("", Optional.empty(), Map.of("kind", List.of(Kind.DOCUMENT.segment())),
                Optional.empty(), Optional.empty(), SearchQuery.Order.NEWEST, NEWEST, Optional.empty());
        List<ListedRecord> listed = search.search(newest).hits().stream().map(h -> ListedRecord.of(h, frame, vocabulary)).toList();
        v.put("newest", listed);
        v.put("hasNewest", !listed.isEmpty());
        v.put("browseHref", frame.inLanguage("/browse"));
        v.put("searchHref", frame.inLanguage("/search"));
        v.put("sparqlHref", frame.inLanguage("/sparql"));
        v.put("base", store.base());
        return Response.ok(templates.render("home", v)).type("text/html;charset=utf-8").header("Vary", "Accept, Accept-Language").build();
    }

    @GET
    @Produces("text/plain;charset=utf-8;qs=0.5") // only for clients that ask for it: the page wins for */*
    public Response text() {
        Statistics s = statistics();
        StringBuilder sb = new StringBuilder("Dhakira — ذاكرة\n\n");
        s.byKind().forEach((kind, n) -> sb.append(String.format("%-14s %,d%n", kind, n)));
        sb.append(String.format("%-14s %,d%n", "deleted", s.tombstones()));
        sb.append("\nEvery thing is at ").append(store.base()).append("id/{kind}/{key}; /health tells the store's state.\n");
        return Response.ok(sb.toString()).type("text/plain;charset=utf-8").header("Vary", "Accept").build();
    }

    private Statistics statistics() {
        long sequence = store.position().sequence();
        Cached c = cached;
        if (c != null && c.sequence() == sequence) return c.statistics();
        Statistics s = Statistics.of(store);
        cached = new Cached(sequence, s);
        return s;
    }
}
