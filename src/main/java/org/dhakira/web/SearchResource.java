package org.dhakira.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.dhakira.index.InvalidQueryException;
import org.dhakira.index.Search;
import org.dhakira.index.SearchQuery;
import org.dhakira.index.SearchResult;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;
import org.dhakira.vocab.Arch;
import org.dhakira.vocab.Kind;
import org.dhakira.vocab.Vocabulary;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /search}: the bilingual search page (Arabic, right to left, unless {@code lang=en} or the browser
 * prefers English) and the same results as JSON ({@code Accept: application/json} or {@code /search.json}).
 * Parameters: {@code q}, {@code in} (ar|en: match in one language), a facet name per filter ({@code type},
 * {@code reliability}, {@code year}, {@code organisation}, {@code person}, {@code language}, {@code kind},
 * {@code source}), {@code from}/{@code until} (dates of issue), {@code sort} (relevance|newest|oldest),
 * {@code size}, {@code after} (the cursor of the next page).
 */
@Path("/")
public final class SearchResource {

    static final String JSON = "application/json;charset=utf-8";

    private final Search search;
    private final RecordStore store;
    private final Vocabulary vocabulary;
    private final Templates templates;

    public SearchResource(Search search, RecordStore store, Templates templates) {
        this.search = search;
        this.store = store;
        this.vocabulary = store.vocabulary();
        this.templates = templates;
    }

    @GET
    @Path("search")
    @Produces("text/html;charset=utf-8")
    public Response page(@Context UriInfo uri, @HeaderParam("Accept-Language") String acceptLanguage) {
        String ui = uiLanguage(uri.getQueryParameters().getFirst("lang"), acceptLanguage);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("ar", ui.equals("ar"));
        view.put("lang", ui);
        view.put("dir", ui.equals("ar") ? "rtl" : "ltr");
        view.put("query", Optional.ofNullable(uri.getQueryParameters().getFirst("q")).orElse(""));
        view.put("otherLanguageHref", link(uri, "lang", ui.equals("ar") ? "en" : "ar"));
        Map<String, List<String>> jsonParams = params(uri);
        jsonParams.remove("lang");
        view.put("jsonHref", path(uri, jsonParams).replaceFirst("/search(\\?|$)", "/search.json$1"));
        List<Map<String, String>> hidden = new ArrayList<>();
        uri.getQueryParameters().forEach((k, vs) -> {
            if (!k.equals("q") && !k.equals("after")) vs.forEach(v -> hidden.add(Map.of("name", k, "value", v)));
        });
        view.put("hidden", hidden);
        Response.Status status = Response.Status.OK;
        try {
            SearchQuery q = query(uri.getQueryParameters());
            SearchResult r = search.search(q);
            view.put("total", r.total());
            view.put("hasResults", r.total() > 0);
            view.put("noResults", r.total() == 0);
            view.put("hits", r.hits().stream().map(h -> hitView(h, ui)).toList());
            view.put("facets", facetViews(r, uri, q, ui));
            view.put("facetsEstimated", r.facetsEstimated());
            view.put("next", r.next().map(c -> link(uri, "after", c)).orElse(null));
            List<Map<String, String>> removals = new ArrayList<>();
            q.filters().forEach((dim, values) -> values.forEach(v -> removals.add(Map.of(
                    "label", facetLabel(dim, v, ui), "href", without(uri, dim, v)))));
            view.put("removals", removals);
            view.put("hasFilters", !removals.isEmpty());
        } catch (InvalidQueryException | IllegalArgumentException e) {
            status = Response.Status.BAD_REQUEST;
            view.put("error", e.getMessage());
        }
        return Response.status(status).type("text/html;charset=utf-8").entity(templates.render("search", view))
                .header("Vary", "Accept, Accept-Language").build();
    }

    @GET
    @Path("search")
    @Produces("application/json;qs=0.5") // the page wins when the client takes anything
    public Response jsonByAccept(@Context UriInfo uri) {
        return json(uri);
    }

    @GET
    @Path("search.json")
    public Response json(@Context UriInfo uri) {
        try {
            SearchQuery q = query(uri.getQueryParameters());
            SearchResult r = search.search(q);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("query", q.text());
            body.put("total", r.total());
            List<Map<String, Object>> hits = new ArrayList<>();
            for (SearchResult.Hit h : r.hits()) {
                Map<String, Object> hit = new LinkedHashMap<>();
                hit.put("id", h.id());
                hit.put("uri", store.uris().iri(RecordId.parse(h.id())));
                hit.put("kind", h.kind());
                Map<String, String> title = new LinkedHashMap<>();
                h.titleAr().ifPresent(t -> title.put("ar", t));
                h.titleEn().ifPresent(t -> title.put("en", t));
                hit.put("title", title);
                h.issued().ifPresent(d -> hit.put("issued", d));
                h.snippet().ifPresent(s -> hit.put("snippet", s));
                h.snippetLanguage().ifPresent(l -> hit.put("snippetLanguage", l));
                hits.add(hit);
            }
            body.put("hits", hits);
            Map<String, Object> facets = new LinkedHashMap<>();
            r.facets().forEach((dim, values) -> facets.put(dim, values.stream().map(v -> Map.of(
                    "value", v.value(), "count", v.count(), "label", facetLabels(dim, v.value()))).toList()));
            body.put("facets", facets);
            body.put("facetsEstimated", r.facetsEstimated());
            r.next().ifPresent(c -> body.put("next", link(uri, "after", c)));
            return Response.ok(body, JSON).header("Vary", "Accept").build();
        } catch (InvalidQueryException | IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).type("application/problem+json;charset=utf-8")
                    .entity(Map.of("type", "about:blank", "title", "The search cannot be run", "status", 400,
                            "detail", e.getMessage())).build();
        }
    }

    static SearchQuery query(MultivaluedMap<String, String> p) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String facet : SearchQuery.FACETS) {
            List<String> values = p.get(facet);
            if (values != null && !values.isEmpty()) filters.put(facet, List.copyOf(values));
        }
        SearchQuery.Order order;
        try {
            order = SearchQuery.Order.valueOf(Optional.ofNullable(p.getFirst("sort")).orElse("relevance").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sort must be relevance, newest or oldest, was '" + p.getFirst("sort") + "'");
        }
        int size;
        try {
            size = Integer.parseInt(Optional.ofNullable(p.getFirst("size")).orElse("20"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size must be a number, was '" + p.getFirst("size") + "'");
        }
        return new SearchQuery(p.getFirst("q"), Optional.ofNullable(p.getFirst("in")).filter(s -> !s.isBlank()), filters,
                date(p.getFirst("from"), "from", false), date(p.getFirst("until"), "until", true), order, size,
                Optional.ofNullable(p.getFirst("after")).filter(s -> !s.isBlank()));
    }

    /** YYYY-MM-DD, or a bare year meaning its first (from) or last (until) day. */
    private static Optional<LocalDate> date(String value, String name, boolean end) {
        if (value == null || value.isBlank()) return Optional.empty();
        try {
            if (value.matches("\\d{4}")) {
                int year = Integer.parseInt(value);
                return Optional.of(end ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1));
            }
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date YYYY-MM-DD or a year, was '" + value + "'");
        }
    }

    static String uiLanguage(String lang, String acceptLanguage) {
        if (PageFrame.chooses(lang)) return lang;
        if (acceptLanguage == null || acceptLanguage.isBlank()) return "ar";
        try {
            // By weight (RFC 4647): "fr, en;q=0.8" reads English, "en-GB;q=0.3, ar" Arabic; neither named: Arabic.
            for (java.util.Locale.LanguageRange r : java.util.Locale.LanguageRange.parse(acceptLanguage)) {
                if (r.getWeight() == 0) continue;
                String range = r.getRange().toLowerCase(Locale.ROOT);
                if (range.equals("en") || range.startsWith("en-")) return "en";
                if (range.equals("ar") || range.startsWith("ar-") || range.equals("*")) return "ar";
            }
        } catch (IllegalArgumentException unreadable) {
            // A header that cannot be read chooses nothing.
        }
        return "ar";
    }

    private Map<String, Object> hitView(SearchResult.Hit h, String ui) {
        Map<String, Object> v = new LinkedHashMap<>();
        RecordId id = RecordId.parse(h.id());
        v.put("href", "id/" + id.path());
        String first = ui.equals("ar") ? h.titleAr().or(h::titleEn).orElse(h.id()) : h.titleEn().or(h::titleAr).orElse(h.id());
        boolean firstIsArabic = ui.equals("ar") ? h.titleAr().isPresent() : h.titleEn().isEmpty() && h.titleAr().isPresent();
        v.put("title", first);
        v.put("titleLang", firstIsArabic ? "ar" : "en");
        v.put("titleDir", firstIsArabic ? "rtl" : "ltr");
        Optional<String> second = ui.equals("ar") ? h.titleEn().filter(t -> h.titleAr().isPresent()) : h.titleAr().filter(t -> h.titleEn().isPresent());
        second.ifPresent(s -> {
            v.put("otherTitle", s);
            v.put("otherLang", ui.equals("ar") ? "en" : "ar");
            v.put("otherDir", ui.equals("ar") ? "ltr" : "rtl");
        });
        v.put("kind", label(Kind.fromSegment(h.kind()).map(Kind::type).orElse(Arch.Document), ui));
        h.issued().ifPresent(d -> v.put("issued", d));
        h.snippet().ifPresent(s -> {
            v.put("snippet", s);
            v.put("snippetLang", h.snippetLanguage().orElse(ui));
            v.put("snippetDir", h.snippetLanguage().orElse(ui).equals("ar") ? "rtl" : "ltr");
        });
        return v;
    }

    private List<Map<String, Object>> facetViews(SearchResult r, UriInfo uri, SearchQuery q, String ui) {
        List<Map<String, Object>> out = new ArrayList<>();
        r.facets().forEach((dim, values) -> {
            if (values.isEmpty()) return;
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", dim);
            f.put("label", dimensionLabel(dim, ui));
            f.put("values", values.stream().map(v -> {
                boolean chosen = q.filters().getOrDefault(dim, List.of()).contains(v.value());
                return Map.<String, Object>of("label", facetLabel(dim, v.value(), ui), "count", v.count(),
                        "href", chosen ? without(uri, dim, v.value()) : with(uri, dim, v.value()), "chosen", chosen);
            }).toList());
            out.add(f);
        });
        return out;
    }

    private static final Map<String, String[]> DIMENSIONS = Map.of(
            "kind", new String[] {"النوع", "Kind"}, "type", new String[] {"نوع الوثيقة", "Document type"},
            "reliability", new String[] {"درجة الموثوقية", "Reliability"}, "year", new String[] {"سنة الصدور", "Year of issue"},
            "organisation", new String[] {"كيانات متعلقة", "Organisations"}, "person", new String[] {"شخصيات مرتبطة", "Persons"},
            "language", new String[] {"لغة الأصل", "Original language"}, "source", new String[] {"المصدر", "Source archive"});

    private static String dimensionLabel(String dim, String ui) {
        String[] l = DIMENSIONS.getOrDefault(dim, new String[] {dim, dim});
        return ui.equals("ar") ? l[0] : l[1];
    }

    /** What a facet value is called in the page's language. */
    String facetLabel(String dim, String value, String ui) {
        return facetLabels(dim, value).get(ui);
    }

    /** What a facet value is called in Arabic and in English: a scheme label, a record's name, or the value. */
    Map<String, String> facetLabels(String dim, String value) {
        return switch (dim) {
            case "type" -> labels(Vocabulary.documentType(value), value);
            case "reliability" -> labels(Vocabulary.reliability(value), value);
            case "kind" -> Kind.fromSegment(value).map(k -> labels(k.type(), value)).orElse(Map.of("ar", value, "en", value));
            case "organisation" -> names(new RecordId(Kind.ORGANISATION, value));
            case "person" -> names(new RecordId(Kind.PERSON, value));
            case "language" -> switch (value) {
                case "ar" -> Map.of("ar", "العربية", "en", "Arabic");
                case "en" -> Map.of("ar", "الإنكليزية", "en", "English");
                default -> Map.of("ar", value, "en", value);
            };
            default -> Map.of("ar", value, "en", value);
        };
    }

    private Map<String, String> labels(Node term, String otherwise) {
        return Map.of("ar", label(term, "ar", otherwise), "en", label(term, "en", otherwise));
    }

    private String label(Node term, String ui) {
        return label(term, ui, term.getURI());
    }

    private String label(Node term, String ui, String otherwise) {
        return vocabulary.label(term, ui).or(() -> vocabulary.label(term, ui.equals("ar") ? "en" : "ar")).orElse(otherwise);
    }

    /** A record's name in Arabic and in English (the other language, or the key, standing in), from one read. */
    private Map<String, String> names(RecordId id) {
        List<Node> names = store.find(id)
                .map(r -> r.graph().find(NodeFactory.createURI(store.uris().iri(id)), Arch.name, Node.ANY).mapWith(t -> t.getObject()).toList())
                .orElse(List.of());
        Map<String, String> out = new LinkedHashMap<>();
        for (String lang : List.of("ar", "en")) {
            out.put(lang, names.stream().filter(n -> lang.equals(n.getLiteralLanguage())).findFirst()
                    .or(() -> names.stream().findFirst()).map(Node::getLiteralLexicalForm).orElse(id.key()));
        }
        return out;
    }

    private static String link(UriInfo uri, String param, String value) {
        Map<String, List<String>> p = params(uri);
        p.put(param, List.of(value));
        return path(uri, p);
    }

    private static String with(UriInfo uri, String dim, String value) {
        Map<String, List<String>> p = params(uri);
        p.remove("after");
        p.computeIfAbsent(dim, k -> new ArrayList<>()).add(value);
        return path(uri, p);
    }

    private static String without(UriInfo uri, String dim, String value) {
        Map<String, List<String>> p = params(uri);
        p.remove("after");
        p.computeIfPresent(dim, (k, vs) -> vs.stream().filter(v -> !v.equals(value)).toList());
        return path(uri, p);
    }

    private static Map<String, List<String>> params(UriInfo uri) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((k, vs) -> p.put(k, new ArrayList<>(vs)));
        return p;
    }

    /** The request's own path with {@code params}, encoded here (a JAX-RS UriBuilder would read braces as templates). */
    private static String path(UriInfo uri, Map<String, List<String>> params) {
        StringBuilder sb = new StringBuilder(uri.getRequestUri().getRawPath());
        char sep = '?';
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            for (String v : e.getValue()) {
                sb.append(sep).append(encode(e.getKey())).append('=').append(encode(v));
                sep = '&';
            }
        }
        return sb.toString();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
