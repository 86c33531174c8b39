package org.dhakira.crawl;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.dhakira.store.Batch;
import org.dhakira.store.Change;
import org.dhakira.store.ChangeListener;
import org.dhakira.store.RecordStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a full dump of the archive in the data folder: every record graph, tombstones included, as gzipped
 * N-Quads, written the way {@code dhakira export} writes them ({@link RecordStore#writeRecords}). A dump is
 * rewritten in the background a while after a change (one rewrite for a burst of changes), and on start when it
 * is missing or older than the store. It is written beside its final name and renamed into place, so a reader
 * never sees half of one; its file name carries the change it reflects ({@code dhakira-1234.nq.gz}), so the
 * name and the content can never disagree, even after a crash.
 *
 * <pre>{@code try (DumpWriter dumps = DumpWriter.start(store, data.resolve("dumps"), Duration.ofMinutes(1))) {
 *     dumps.current().ifPresent(d -> System.out.println(d.file() + " " + d.size()));
 * }}</pre>
 *
 * Owned by the server, which closes it before the store: closing stops a dump being written.
 */
public final class DumpWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DumpWriter.class);
    private static final Pattern NAME = Pattern.compile("dhakira-(\\d+)\\.nq\\.gz");
    private static final String PARTIAL = "dhakira.nq.gz.partial";

    private final RecordStore store;
    private final Path folder;
    private final Duration delay;
    private final ScheduledExecutorService executor;
    /** Whether a rewrite is waiting to run: further changes until it starts ride on it. */
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean closed;
    private volatile Dump current;

    private DumpWriter(RecordStore store, Path folder, Duration delay, Dump found) {
        this.store = store;
        this.folder = folder;
        this.delay = delay;
        this.current = found;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dump-writer");
            t.setDaemon(true);
            return t;
        });
    }

    /** Finds the dump already in {@code folder}, and starts the writer (writing at once if it is missing or stale). */
    public static DumpWriter start(RecordStore store, Path folder, Duration delay) {
        return start(store, folder, delay, true);
    }

    /**
     * As {@link #start(RecordStore, Path, Duration)}, or, when {@code enabled} is false, a writer that writes
     * nothing and offers no dump (not even one it finds, which would go stale unseen).
     */
    public static DumpWriter start(RecordStore store, Path folder, Duration delay, boolean enabled) {
        if (!enabled) return new DumpWriter(store, folder, delay, null);
        try {
            Files.createDirectories(folder);
            Files.deleteIfExists(folder.resolve(PARTIAL));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the dump folder " + folder, e);
        }
        DumpWriter writer = new DumpWriter(store, folder, delay, newest(folder).orElse(null));
        store.addListener(writer.listener());
        // An empty archive has nothing to dump: its first dump follows its first change.
        long now = store.position().sequence();
        Dump found = writer.current;
        if (now > 0 && (found == null || found.sequence() < now)) writer.schedule(Duration.ZERO);
        return writer;
    }

    /** The newest finished dump, if one has been written. */
    public Optional<Dump> current() {
        return Optional.ofNullable(current);
    }

    /** How long after a change the dump is rewritten. */
    public Duration delay() {
        return delay;
    }

    private ChangeListener listener() {
        return new ChangeListener() {
            @Override
            public void changed(Change change, Batch batch) {}

            @Override
            public void beforeCommit(long lastSequence) {}

            @Override
            public void afterCommit(long lastSequence) {
                if (!closed) schedule(delay);
            }

            @Override
            public void afterAbort() {}
        };
    }

    private void schedule(Duration after) {
        if (closed || !scheduled.compareAndSet(false, true)) return;
        try {
            executor.schedule(this::run, after.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            scheduled.set(false);
        }
    }

    private void run() {
        // From here on a change schedules another rewrite: this one may already have read past it, or not.
        scheduled.set(false);
        try {
            Dump was = current;
            if (was != null && was.sequence() >= store.position().sequence()) return;
            write();
        } catch (CancellationException stopped) {
            LOG.info("Dump writing stopped: the server is closing");
        } catch (RuntimeException | IOException e) {
            LOG.error("Cannot write the dump into {}; trying again in {}", folder, delay, e);
            schedule(delay.compareTo(Duration.ofSeconds(10)) < 0 ? Duration.ofSeconds(10) : delay);
        }
    }

    private void write() throws IOException {
        long started = System.nanoTime();
        Path partial = folder.resolve(PARTIAL);
        long[] sequence = new long[1];
        try {
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
                 OutputStream out = new GZIPOutputStream(raw, 1 << 16)) {
                StreamRDF sink = stoppable(StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS_UTF8));
                // One read transaction around both, so the number names exactly the snapshot that is written.
                store.snapshot(s -> {
                    sequence[0] = s.lastChange().sequence();
                    store.writeRecords(sink);
                    return null;
                });
            }
            Path file = folder.resolve("dhakira-" + sequence[0] + ".nq.gz");
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Dump written = describe(file, sequence[0]);
            current = written;
            removeOlderThan(written);
            LOG.info("Wrote the dump {} ({} bytes, through change {}) in {} ms", file, written.size(), written.sequence(),
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The writer's sink, which gives up at the next quad once the writer is closed. */
    private StreamRDF stoppable(StreamRDF sink) {
        return new StreamRDFWrapper(sink) {
            @Override
            public void quad(Quad quad) {
                if (closed) throw new CancellationException("closed");
                super.quad(quad);
            }
        };
    }

    /** Earlier dumps go once a newer one is in place; a reader still streaming one keeps its open file. */
    private void removeOlderThan(Dump kept) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "dhakira-*.nq.gz")) {
            for (Path f : files) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches() && Long.parseLong(m.group(1)) < kept.sequence()) Files.deleteIfExists(f);
            }
        }
    }

    private static Optional<Dump> newest(Path folder) {
        Optional<Dump> best = Optional.empty();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "dhakira-*.nq.gz")) {
            for (Path f : files) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (!m.matches()) continue;
                long seq = Long.parseLong(m.group(1));
                if (best.isEmpty() || seq > best.get().sequence()) best = Optional.of(describe(f, seq));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the dump folder " + folder, e);
        }
        return best;
    }

    private static Dump describe(Path file, long sequence) {
        try {
            return new Dump(file, sequence, Files.size(file), Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) LOG.warn("The dump writer did not stop within 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
