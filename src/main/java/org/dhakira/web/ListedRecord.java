package org.dhakira.web;

import java.util.Optional;

import org.dhakira.index.SearchResult;
import org.dhakira.store.RecordId;
import org.dhakira.vocab.Kind;
import org.dhakira.vocab.Vocabulary;

/**
 * A record in a list (the home page's newest, a browse page): its title in the page's language when it has one,
 * the other language's beneath it, its kind and its date of issue.
 */
record ListedRecord(String href, RecordPage.Value title, RecordPage.Value otherTitle, String kind, Day issued) {

    static ListedRecord of(SearchResult.Hit hit, PageFrame frame, Vocabulary vocabulary) {
        String ui = frame.ui();
        RecordId id = RecordId.parse(hit.id());
        Optional<String> mine = ui.equals("ar") ? hit.titleAr() : hit.titleEn();
        Optional<String> theirs = ui.equals("ar") ? hit.titleEn() : hit.titleAr();
        String other = ui.equals("ar") ? "en" : "ar";
        RecordPage.Value title = mine.map(t -> RecordPage.Value.text(t, ui))
                .or(() -> theirs.map(t -> RecordPage.Value.text(t, other)))
                .orElse(new RecordPage.Value(id.key(), null, "ltr", null, null));
        RecordPage.Value second = mine.isPresent() ? theirs.map(t -> RecordPage.Value.text(t, other)).orElse(null) : null;
        Kind kind = id.kind();
        String kindLabel = vocabulary.label(kind.type(), ui).orElse(kind.segment());
        Day issued = hit.issued().flatMap(Day::parse).map(d -> Day.of(d, ui)).orElse(null);
        return new ListedRecord(frame.href(id), title, second, kindLabel, issued);
    }
}
