package org.dhakira.web;

import java.util.Map;

import org.dhakira.describe.Description;
import org.dhakira.store.RecordId;
import org.dhakira.vocab.Vocabulary;

/**
 * The HTML pages of things: a record's description as a page people read, a tombstone's page, and the page of
 * a thing the archive does not have. Rendered from {@code server/templates}; {@code ui} is {@code ar} or
 * {@code en}.
 */
public final class RecordPage {

    private final Templates templates;
    private final Vocabulary vocabulary;

    public RecordPage(Templates templates, Vocabulary vocabulary) {
        this.templates = templates;
        this.vocabulary = vocabulary;
    }

    /** The page of a live record or of a tombstone. */
    public String render(Description description, String ui) {
        return templates.render("record", Map.of("ui", ui, "title", description.id().path()));
    }

    /** The page for a URI of this archive's form that names nothing here. */
    public String notFound(RecordId id, String ui) {
        return templates.render("not-found", Map.of("ui", ui, "path", id.path()));
    }
}
