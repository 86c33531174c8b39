package org.dhakira.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFWriter;
import org.dhakira.describe.Description;
import org.dhakira.describe.Descriptions;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;
import org.dhakira.vocab.Kind;

/**
 * What {@code GET /doc/{kind}/{file}} answers, whoever carries it: the format chosen (by the file's ending, else
 * from {@code Accept}), the description as sent with its validators, the headers every description carries, or
 * the 404 and 406 that say what there is instead. Conditional requests are the carrier's to answer, with the
 * validators given here. {@link RecordResource} carries it through Jersey and {@link DescriptionDoor} straight
 * through Jetty; both send the same bytes and headers.
 *
 * <pre>{@code DescriptionAnswers.Answer a = answers.answer("document", "d1.ttl", null, null, null);
 * a.status(); // 200}</pre>
 */
public final class DescriptionAnswers {

    /** A header as sent, in the order given. */
    record Header(String name, String value) {}

    /**
     * An answer: its status, type, body and headers; {@code rendition} when it is a description (200, or 410 for a
     * tombstone), whose validators a conditional request is compared with.
     */
    record Answer(int status, String contentType, byte[] body, List<Header> headers, Optional<Renditions.Rendition> rendition) {
        Answer {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
            headers = List.copyOf(headers);
            Objects.requireNonNull(rendition, "rendition");
        }
    }

    private final Descriptions descriptions;
    private final RecordStore store;
    private final RecordPage page;
    private final String license;
    private final Renditions renditions;

    /** @param cacheBytes how many bytes of rendered descriptions to keep while the store is unchanged (0: none) */
    public DescriptionAnswers(Descriptions descriptions, RecordStore store, RecordPage page, String license, long cacheBytes) {
        this.descriptions = descriptions;
        this.store = store;
        this.page = page;
        this.license = license;
        this.renditions = new Renditions(cacheBytes);
    }

    /**
     * The answer to a GET of {@code /doc/{kind}/{file}}; {@code lang} is the query parameter, {@code accept} and
     * {@code acceptLanguage} the request's headers (each may be null).
     */
    Answer answer(String kind, String file, String lang, String accept, String acceptLanguage) {
        // A file name that ends in a format's ending names that format; otherwise it is the key and Accept chooses.
        int dot = file.lastIndexOf('.');
        Optional<Representation> fixed = dot > 0 ? Representation.byEnding(file.substring(dot + 1)) : Optional.empty();
        String key = fixed.isPresent() ? file.substring(0, dot) : file;
        Optional<RecordId> id = recordId(kind, key);
        if (id.isEmpty()) return notFound(kind, key, accept, acceptLanguage, lang);
        String doc = store.base() + "doc/" + id.get().path();

        Optional<Representation> chosen = fixed.or(() -> Representation.preferred(AcceptHeader.parse(accept)));
        if (chosen.isEmpty()) {
            if (store.status(id.get()).isEmpty()) return notFound(kind, key, accept, acceptLanguage, lang);
            List<Header> headers = new ArrayList<>(List.of(links(id.get(), doc), new Header("Vary", "Accept")));
            return new Answer(406, "text/plain;charset=utf-8", Alternates.utf8("This description is offered as " + Representation.offered()
                    + "; the request's Accept header takes none of them. Each is also at " + doc + ".{ttl,html,jsonld,rdf,nt}.\n"),
                    headers, Optional.empty());
        }
        Representation r = chosen.get();
        String ui = r == Representation.HTML ? SearchResource.uiLanguage(lang, acceptLanguage) : "";
        boolean languageChosen = r == Representation.HTML && PageFrame.chooses(lang);
        Optional<Renditions.Rendition> rendition = rendition(new Renditions.Key(id.get(), r, ui, languageChosen));
        if (rendition.isEmpty()) return notFound(kind, key, accept, acceptLanguage, lang);
        Renditions.Rendition made = rendition.get();
        List<Header> headers = new ArrayList<>(4);
        // A page in a language the reader chose is that page only with the choice in its URL.
        headers.add(new Header("Content-Location", doc + "." + r.ending() + (languageChosen ? "?lang=" + ui : "")));
        if (fixed.isEmpty()) headers.add(new Header("Vary", "Accept, Accept-Language"));
        else if (r == Representation.HTML) headers.add(new Header("Vary", "Accept-Language"));
        headers.add(links(id.get(), doc));
        return new Answer(made.deleted() ? 410 : 200, r.contentType(), made.body(), headers, rendition);
    }

    /**
     * Whether the validators may be compared with {@code If-Modified-Since}: datestamps are whole seconds, and within
     * the second of the last change another may follow with the same date, so only the ETag can say "unchanged" then.
     */
    static boolean settled(Renditions.Rendition made) {
        return made.lastModified().plusSeconds(1).isBefore(Instant.now());
    }

    /** The description as sent, from the renditions held for the store's current state, else made now. */
    private Optional<Renditions.Rendition> rendition(Renditions.Key key) {
        long at = store.position().sequence();
        Renditions.Rendition held = renditions.get(at, key);
        if (held != null) return Optional.of(held);
        return descriptions.find(key.id()).map(d -> {
            byte[] body = key.format() == Representation.HTML ? Alternates.utf8(page.render(d, key.ui(), key.chosen())) : rdf(d, key.format());
            Renditions.Rendition made = new Renditions.Rendition(body, Alternates.digest(body), d.lastModified(), d.deleted());
            renditions.put(d.position(), key, made);
            return made;
        });
    }

    /** Each alternate format, the thing described, and the license (RFC 8288; "describes" is RFC 6892's). */
    private Header links(RecordId id, String doc) {
        return new Header("Link", Alternates.alternates(doc) + ", <" + store.uris().iri(id) + ">; rel=\"describes\", <" + license + ">; rel=\"license\"");
    }

    private byte[] rdf(Description d, Representation r) {
        if (r == Representation.TURTLE) return DescriptionTurtle.write(d.graph(), NodeFactory.createURI(store.uris().iri(d.id())));
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        RDFWriter.source(d.graph()).format(r.rdf().orElseThrow()).output(out);
        return out.toByteArray();
    }

    static Optional<RecordId> recordId(String kind, String key) {
        try {
            return Kind.fromSegment(kind).map(k -> new RecordId(k, key));
        } catch (IllegalArgumentException notAKey) {
            return Optional.empty();
        }
    }

    /** A page for people (when they take HTML) or a line for machines; both say what URIs here look like. */
    Answer notFound(String kind, String key, String accept, String acceptLanguage, String lang) {
        List<Header> headers = List.of(new Header("Vary", "Accept, Accept-Language"));
        Optional<Representation> wanted = Representation.preferred(AcceptHeader.parse(accept));
        Optional<RecordId> id = recordId(kind, key);
        if (wanted.orElse(null) == Representation.HTML && id.isPresent()) {
            String ui = SearchResource.uiLanguage(lang, acceptLanguage);
            return new Answer(404, Representation.HTML.contentType(), Alternates.utf8(page.notFound(id.get(), ui, PageFrame.chooses(lang))),
                    headers, Optional.empty());
        }
        String what = Kind.fromSegment(kind).isPresent()
                ? "There is no " + kind + " with the key '" + key + "' in this archive."
                : "'" + kind + "' is not a kind of thing in this archive (" + Kind.segments() + ").";
        return new Answer(404, "text/plain;charset=utf-8", (what + " Things are at " + store.base() + "id/{kind}/{key};"
                + " search them at " + store.base() + "search?q=…\n").getBytes(StandardCharsets.UTF_8), headers, Optional.empty());
    }
}
