package org.dhakira.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dhakira.store.RecordId;

/**
 * What every page shares: its language and direction (Arabic right to left unless {@code en}), the search box
 * (with {@code query} in it) and the link to the same page in the other language. {@link #view()} is the start of
 * a template's view; a page adds its own entries. A language {@code chosen} by the reader (the {@code lang}
 * parameter, not the browser's preference) is carried in every link, so it stays chosen from page to page.
 */
record PageFrame(String ui, String query, String otherLanguageHref, boolean chosen) {

    PageFrame {
        if (!ui.equals("ar") && !ui.equals("en")) throw new IllegalArgumentException("ui must be ar or en, was '" + ui + "'");
        query = query == null ? "" : query;
    }

    /** A page at {@code path} whose other-language link is {@code path?lang=…}. */
    static PageFrame at(String path, String ui, String query) {
        return at(path, ui, query, false);
    }

    static PageFrame at(String path, String ui, String query, boolean chosen) {
        return new PageFrame(ui, query, path + "?lang=" + (ui.equals("ar") ? "en" : "ar"), chosen);
    }

    /** Whether {@code lang} (the query parameter) chooses a page language. */
    static boolean chooses(String lang) {
        return "ar".equals(lang) || "en".equals(lang);
    }

    Map<String, Object> view() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("ar", ui.equals("ar"));
        v.put("lang", ui);
        v.put("dir", dir(ui));
        v.put("query", query);
        v.put("otherLanguageHref", otherLanguageHref);
        v.put("homeHref", inLanguage("/"));
        return v;
    }

    /** Where a thing's page is, in this page's language (Arabic needs no parameter unless chosen: it is the default). */
    String href(RecordId id) {
        return inLanguage("/doc/" + id.path());
    }

    /** A path in this page's language, for links between the archive's own pages. */
    String inLanguage(String path) {
        return ui.equals("en") || chosen ? path + (path.contains("?") ? "&" : "?") + "lang=" + ui : path;
    }

    static String dir(String lang) {
        return switch (lang) {
            case "ar", "fa", "ur", "he", "ku-Arab", "ckb" -> "rtl";
            default -> lang.startsWith("ar-") ? "rtl" : "ltr";
        };
    }
}
