package org.dhakira.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.dhakira.index.InvalidQueryException;
import org.dhakira.index.Search;
import org.dhakira.index.SearchQuery;
import org.dhakira.index.SearchResult;
import org.dhakira.vocab.Arch;
import org.dhakira.vocab.Vocabulary;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * Browsing the documents without words: {@code /browse} lists the document types, years of issue and
 * reliability grades with how many documents each has; {@code /browse/type/{slug}}, {@code /browse/year/{yyyy}}
 * and {@code /browse/reliability/{slug}} list those documents, newest first, a page at a time ({@code after} is
 * the search's cursor). All of it is one search with a facet filter, so a deep page costs what the first does.
 */
@Path("browse")
@Produces("text/html;charset=utf-8")
public final class BrowseResource {

    static final int PAGE = 20;

    /** The facets one browses by, in the order the index page shows them. */
    enum Facet {
        TYPE("type"), YEAR("year"), RELIABILITY("reliability");

        final String name;

        Facet(String name) {
            this.name = name;
        }

        static Optional<Facet> named(String name) {
            for (Facet f : values()) if (f.name.equals(name)) return Optional.of(f);
            return Optional.empty();
        }
    }

    record Group(String name, String label, List<Entry> values) {}

    record Entry(String value, String label, long count, String href) {}

    private final Search search;
    private final Vocabulary vocabulary;
    private final Templates templates;

    public BrowseResource(Search search, Vocabulary vocabulary, Templates templates) {
        this.search = search;
        this.vocabulary = vocabulary;
        this.templates = templates;
    }

    @GET
    public Response index(@QueryParam("lang") String lang, @HeaderParam("Accept-Language") String acceptLanguage) throws InvalidQueryException {
        String ui = SearchResource.uiLanguage(lang, acceptLanguage);
        PageFrame frame = PageFrame.at("/browse", ui, "", PageFrame.chooses(lang));
        SearchResult r = search.search(documents(Optional.empty(), 1, Optional.empty()));
        List<Group> groups = new ArrayList<>();
        for (Facet f : Facet.values()) {
            List<Entry> entries = new ArrayList<>();
            for (SearchResult.FacetCount c : r.facets().getOrDefault(f.name, List.of())) {
                entries.add(new Entry(c.value(), label(f, c.value(), ui), c.count(), frame.inLanguage("/browse/" + f.name + "/" + c.value())));
            }
            // Years read in order, most recent first; the other lists keep the index's order, most documents first.
            if (f == Facet.YEAR) entries.sort(Comparator.comparing(Entry::value).reversed());
            groups.add(new Group(f.name, facetLabel(f, ui), entries));
        }
        Map<String, Object> v = frame.view();
        v.put("groups", groups);
        v.put("total", r.total());
        v.put("estimated", r.facetsEstimated());
        return html(Response.Status.OK, "browse", v);
    }

    @GET
    @Path("{facet}/{value}")
    public Response list(@PathParam("facet") String facetName, @PathParam("value") String value, @QueryParam("after") String after,
                         @QueryParam("lang") String lang, @HeaderParam("Accept-Language") String acceptLanguage) {
        String ui = SearchResource.uiLanguage(lang, acceptLanguage);
        String path = "/browse/" + facetName + "/" + value;
        PageFrame frame = PageFrame.at(path, ui, "", PageFrame.chooses(lang));
        Map<String, Object> v = frame.view();
        v.put("browseHref", frame.inLanguage("/browse"));
        Optional<Facet> facet = Facet.named(facetName).filter(f -> known(f, value));
        if (facet.isEmpty()) {
            v.put("facet", facetName);
            v.put("value", value);
            return html(Response.Status.NOT_FOUND, "browse-unknown", v);
        }
        Facet f = facet.get();
        v.put("facetLabel", facetLabel(f, ui));
        v.put("valueLabel", label(f, value, ui));
        SearchResult r;
        try {
            r = search.search(documents(Optional.of(Map.entry(f.name, value)), PAGE, Optional.ofNullable(after).filter(a -> !a.isBlank())));
        } catch (InvalidQueryException e) {
            v.put("error", e.getMessage());
            v.put("firstHref", frame.inLanguage(path));
            return html(Response.Status.BAD_REQUEST, "browse-list", v);
        }
        List<ListedRecord> listed = r.hits().stream().map(h -> ListedRecord.of(h, frame, vocabulary)).toList();
        v.put("records", listed);
        v.put("hasRecords", !listed.isEmpty());
        v.put("total", r.total());
        r.next().ifPresent(c -> v.put("nextHref", frame.inLanguage(path + "?after=" + c)));
        if (after != null && !after.isBlank()) v.put("firstHref", frame.inLanguage(path));
        return html(Response.Status.OK, "browse-list", v);
    }

    /** Documents only, newest first; {@code filter} one facet value. */
    private static SearchQuery documents(Optional<Map.Entry<String, String>> filter, int size, Optional<String> after) {
        Map<String, List<String>> filters = new java.util.LinkedHashMap<>();
        filters.put("kind", List.of("document"));
        filter.ifPresent(e -> filters.put(e.getKey(), List.of(e.getValue())));
        return new SearchQuery("", Optional.empty(), filters, Optional.empty(), Optional.empty(), SearchQuery.Order.NEWEST, size, after);
    }

    /** A value the archive could have: a term of the scheme, or a year written as four digits. */
    private boolean known(Facet f, String value) {
        return switch (f) {
            case TYPE -> vocabulary.defines(Vocabulary.documentType(value));
            case RELIABILITY -> vocabulary.defines(Vocabulary.reliability(value));
            case YEAR -> value.matches("[0-9]{4}");
        };
    }

    private String label(Facet f, String value, String ui) {
        Node term = switch (f) {
            case TYPE -> Vocabulary.documentType(value);
            case RELIABILITY -> Vocabulary.reliability(value);
            case YEAR -> null;
        };
        return term == null ? value : vocabulary.label(term, ui).orElse(value);
    }

    private String facetLabel(Facet f, String ui) {
        String label = switch (f) {
            case TYPE -> vocabulary.label(Arch.documentType, ui).orElse(f.name);
            case RELIABILITY -> vocabulary.label(Arch.reliability, ui).orElse(f.name);
            case YEAR -> ui.equals("ar") ? "سنة الصدور" : "year of issue";
        };
        return ui.equals("en") ? Character.toUpperCase(label.charAt(0)) + label.substring(1) : label;
    }

    private Response html(Response.Status status, String template, Map<String, Object> view) {
        return Response.status(status).type("text/html;charset=utf-8").entity(templates.render(template, view))
                .header("Vary", "Accept-Language").build();
    }
}
