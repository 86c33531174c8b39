package org.dhakira;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.dhakira.ingest.Format;
import org.dhakira.ingest.Input;
import org.dhakira.ingest.InvalidInputException;
import org.dhakira.ingest.LoadReport;
import org.dhakira.ingest.Loader;
import org.dhakira.ingest.Progress;
import org.dhakira.server.Config;
import org.dhakira.store.RecordStore;
import org.dhakira.vocab.DataFiles;
import org.dhakira.vocab.Vocabulary;

/** Real stores in temporary folders, and the small records tests build on. */
public final class TestArchives {
    private TestArchives() {}

    public static final String BASE = "http://archive.test/";

    /** Loaded once: the vocabulary is immutable. */
    public static final Vocabulary VOCABULARY = Vocabulary.load(DataFiles.builtIn());

    public static RecordStore store(Path dir) {
        return RecordStore.open(dir, BASE, VOCABULARY);
    }

    public static Config config(Path data) {
        return new Config("127.0.0.1", 0, data, Optional.of(BASE), Optional.empty());
    }

    /** A clock that says whatever {@code now} holds, for tests that control datestamps. */
    public static java.time.Clock clock(java.util.concurrent.atomic.AtomicReference<java.time.Instant> now) {
        return new java.time.Clock() {
            @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
            @Override public java.time.Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public java.time.Instant instant() { return now.get(); }
        };
    }

    public static LoadReport load(RecordStore store, String jsonLines) throws InvalidInputException {
        return new Loader(store).load(List.of(Input.of("test.jsonl", Format.JSON, jsonLines)), 0, Progress.NONE);
    }

    public static String organisation(String key, String en, String ar) {
        return "{\"id\":\"organisation/" + key + "\",\"kind\":\"organisation\",\"name\":{\"en\":\"" + en + "\",\"ar\":\"" + ar + "\"}}";
    }

    public static String document(String key, String extra) {
        return "{\"id\":\"document/" + key + "\",\"kind\":\"document\",\"type\":\"press-statement\","
                + "\"reliability\":\"not-verified\",\"issued\":\"2017-02-07\","
                + "\"title\":{\"en\":\"Statement " + key + "\",\"ar\":\"بيان " + key + "\"}"
                + (extra.isEmpty() ? "" : "," + extra) + "}";
    }
}
