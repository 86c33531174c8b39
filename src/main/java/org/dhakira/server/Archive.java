package org.dhakira.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.dhakira.ingest.Format;
import org.dhakira.ingest.InvalidInputException;
import org.dhakira.ingest.Input;
import org.dhakira.ingest.LoadReport;
import org.dhakira.ingest.Loader;
import org.dhakira.ingest.Progress;
import org.dhakira.store.RecordStore;
import org.dhakira.vocab.DataFiles;
import org.dhakira.vocab.Vocabulary;

/**
 * The composition root: opens the vocabulary and the store for a configuration and creates the services the
 * command line and the server share. Every service is made here with {@code new}; nothing is looked up.
 *
 * <pre>{@code try (Archive archive = Archive.open(config)) { archive.loader().load(inputs, 0, Progress.NONE); }}</pre>
 */
public final class Archive implements AutoCloseable {

    static final String DEMO_RECORDS = "server/demo/records.jsonl";

    private final Config config;
    private final Vocabulary vocabulary;
    private final RecordStore store;
    private final Loader loader;

    private Archive(Config config, Vocabulary vocabulary, RecordStore store) {
        this.config = config;
        this.vocabulary = vocabulary;
        this.store = store;
        this.loader = new Loader(store);
    }

    /**
     * Opens the archive. The base URI is the configured one, else the one the store was made with, else
     * {@link Config#defaultBase()}; a store refuses to open under another base than its own, since its records'
     * URIs would no longer resolve.
     */
    public static Archive open(Config config) {
        Vocabulary vocabulary = Vocabulary.load(config.dataFiles());
        String base = config.base().or(() -> RecordStore.recordedBase(config.data())).orElseGet(config::defaultBase);
        return new Archive(config, vocabulary, RecordStore.open(config.data(), base, vocabulary));
    }

    /** The base URI in force: the store's. */
    public String base() {
        return store.base();
    }

    public Config config() {
        return config;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public RecordStore store() {
        return store;
    }

    public Loader loader() {
        return loader;
    }

    /** Loads the demo records when the store is empty; an archive that has records is left alone. */
    public LoadReport loadDemoIfEmpty() {
        if (store.position().sequence() > 0) return new LoadReport(0, 0, 0, 0, 0, 0, 0);
        DataFiles files = config.dataFiles();
        Input demo = new Input(DEMO_RECORDS, Format.JSON, () -> files.open(DEMO_RECORDS), 0);
        try {
            return loader.load(List.of(demo), 0, Progress.NONE);
        } catch (InvalidInputException e) {
            throw new IllegalStateException("the demo records do not load: " + e.problems(), e);
        }
    }

    /** Reads a data file fully, for small built-in texts. */
    byte[] dataFile(String relative) throws IOException {
        try (InputStream in = config.dataFiles().open(relative)) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
