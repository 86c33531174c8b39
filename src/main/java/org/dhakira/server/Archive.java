package org.dhakira.server;

import java.util.List;

import java.nio.file.Path;

import org.dhakira.harvest.Harvester;
import org.dhakira.harvest.crosswalk.DublinCore;
import org.dhakira.harvest.crosswalk.OaiDcCrosswalk;
import org.dhakira.harvest.OaiClient;
import org.dhakira.harvest.Peer;
import org.dhakira.harvest.Peers;
import org.dhakira.index.Listing;
import org.dhakira.oai.OaiProvider;
import org.dhakira.oai.Repository;
import org.dhakira.index.RecordIndex;
import org.dhakira.index.Search;
import org.dhakira.ingest.Format;
import org.dhakira.ingest.InvalidInputException;
import org.dhakira.ingest.Input;
import org.dhakira.ingest.LoadReport;
import org.dhakira.ingest.Loader;
import org.dhakira.ingest.Progress;
import org.dhakira.sparql.Policy;
import org.dhakira.sparql.SparqlEndpoint;
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
    private final RecordIndex index;
    private final Loader loader;
    private final Search search;
    private final Listing listing;
    private final OaiProvider oai;
    private final SparqlEndpoint sparql;
    private final List<Peer> configuredPeers;
    private final Harvester harvester;

    private Archive(Config config, Vocabulary vocabulary, RecordStore store, RecordIndex index) {
        this.config = config;
        this.vocabulary = vocabulary;
        this.store = store;
        this.index = index;
        this.loader = new Loader(store);
        this.search = new Search(index);
        this.listing = new Listing(index);
        Config.Oai o = config.oai();
        this.configuredPeers = Peers.load(config.dataFiles());
        List<String> friends = configuredPeers.stream().filter(Peer::enabled).map(p -> p.baseUrl().toString()).toList();
        Repository repository = Repository.of(o.name(), o.identifier(), o.adminEmail(), store.base(), o.pageSize(),
                o.license(), friends);
        this.harvester = new Harvester(store, OaiClient.builder().build(),
                java.util.Optional.of(new OaiDcCrosswalk(DublinCore.load(config.dataFiles(), vocabulary))), java.time.Clock.systemUTC());
        this.oai = new OaiProvider(repository, store, listing, vocabulary, java.time.Clock.systemUTC(), () -> harvester.harvested()
                .values().stream().flatMap(s -> s.peer().stream())
                .map(p -> new OaiProvider.Source(p.id(), p.nameAr(), p.nameEn())).toList());
        Config.Sparql s = config.sparql();
        this.sparql = new SparqlEndpoint(store, search, new Policy(s.timeout(), s.rowCap(), java.util.Set.copyOf(s.serviceAllowList())));
    }

    /**
     * Opens the archive. The base URI is the configured one, else the one the store was made with, else
     * {@link Config#defaultBase()}; a store refuses to open under another base than its own, since its records'
     * URIs would no longer resolve.
     */
    public static Archive open(Config config) {
        Path data = config.data();
        if (java.nio.file.Files.exists(data) && !java.nio.file.Files.isDirectory(data)) {
            throw new IllegalArgumentException("the data folder " + data + " is a file, not a folder");
        }
        return open(config, RecordIndex::open);
    }

    /** The vocabulary, the store under its base, and the index {@code index} opens over it. */
    private static Archive open(Config config, java.util.function.BiFunction<Path, RecordStore, RecordIndex> index) {
        Vocabulary vocabulary = Vocabulary.load(config.dataFiles());
        Path storeFolder = config.data().resolve("store");
        String base = config.base().or(() -> RecordStore.recordedBase(storeFolder)).orElseGet(config::defaultBase);
        RecordStore store = RecordStore.open(storeFolder, base, vocabulary);
        try {
            return new Archive(config, vocabulary, store, index.apply(config.data().resolve("index"), store));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * Opens an archive that must already exist: for commands that only read, so that a mistyped folder is
     * reported instead of becoming a new, empty archive.
     */
    public static Archive openExisting(Config config) {
        requireArchive(config);
        return open(config);
    }

    private static void requireArchive(Config config) {
        if (!RecordStore.exists(config.data().resolve("store"))) {
            throw new IllegalArgumentException("there is no archive in " + config.data().toAbsolutePath()
                    + " (give --data the folder that `serve` or `load` used)");
        }
    }

    /**
     * Opens an existing archive with its index as it is on disk, neither caught up nor rebuilt, and not following
     * changes: for checking the index against the store. Nothing may be written through it.
     */
    public static Archive openToVerify(Config config) {
        requireArchive(config);
        return open(config, RecordIndex::openReadOnly);
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

    public RecordIndex index() {
        return index;
    }

    public Search search() {
        return search;
    }

    public Listing listing() {
        return listing;
    }

    public OaiProvider oai() {
        return oai;
    }

    public SparqlEndpoint sparql() {
        return sparql;
    }

    /**
     * The peers: those of {@code harvest/peers.json}, then those harvested before and no longer configured, or
     * harvested once with {@code harvest --url}, which the archive remembers (a configured one of the same id wins).
     */
    public List<Peer> peers() {
        List<Peer> all = new java.util.ArrayList<>(configuredPeers);
        java.util.Set<String> ids = new java.util.HashSet<>();
        configuredPeers.forEach(p -> ids.add(p.id()));
        harvester.harvested().values().stream().flatMap(s -> s.peer().stream()).filter(p -> ids.add(p.id())).forEach(all::add);
        return List.copyOf(all);
    }

    /** The peers of {@code harvest/peers.json}, which {@code serve} harvests on schedule when enabled. */
    public List<Peer> configuredPeers() {
        return configuredPeers;
    }

    public Harvester harvester() {
        return harvester;
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

    @Override
    public void close() {
        try {
            index.close();
        } finally {
            store.close();
        }
    }
}
