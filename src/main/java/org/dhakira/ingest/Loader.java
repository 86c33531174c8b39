package org.dhakira.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.dhakira.store.Batch;
import org.dhakira.store.Commit;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;
import org.dhakira.store.RecordStore.Status;

/**
 * The one way records come in. Reads the inputs twice: first to check every record (its own content, duplicate
 * ids, links to records that exist neither in the store nor in the inputs, reuse of deleted ids), then, only
 * if nothing is wrong, to write them. So bad input changes nothing, and the error lists every problem.
 *
 * <pre>{@code LoadReport r = new Loader(store).load(List.of(Input.of(path)), 0, Progress.NONE);}</pre>
 *
 * By default everything is written in one transaction. With a batch size, every so many records are committed
 * together: a crash then keeps the batches committed before it, each whole.
 */
public final class Loader {

    /** Problems kept for the report; more are counted, not listed. */
    static final int MAX_LISTED_PROBLEMS = 1000;

    private final RecordStore store;
    private final RecordValidator validator;
    private final JsonRecordReader json;

    public Loader(RecordStore store) {
        this.store = store;
        this.validator = new RecordValidator(store.vocabulary(), store.base());
        this.json = new JsonRecordReader(store.vocabulary(), store.base());
    }

    /**
     * Checks, then writes, all {@code inputs}.
     *
     * @param batchSize records per transaction; 0 for one transaction for everything
     * @throws InvalidInputException if any record is wrong; nothing is written then
     */
    public LoadReport load(List<Input> inputs, int batchSize, Progress progress) throws InvalidInputException {
        if (batchSize < 0) throw new IllegalArgumentException("batch size must be 0 (one batch) or more, was " + batchSize);
        long records = check(inputs, progress);
        return write(inputs, batchSize, records, progress);
    }

    /**
     * Checks {@code inputs} against each other and the store without writing anything.
     *
     * @return the number of records read
     * @throws InvalidInputException listing every problem found
     */
    public long check(List<Input> inputs, Progress progress) throws InvalidInputException {
        Check check = new Check();
        progress.start("Checking", inputs.stream().mapToLong(Input::size).sum());
        try {
            store.snapshot(snapshot -> {
                check.snapshot = snapshot;
                for (Input input : inputs) readCounting(input, progress, check::accept);
                check.unresolved();
                return null;
            });
        } finally {
            progress.end();
        }
        if (check.problemCount > 0) throw new InvalidInputException(check.problems, check.problemCount);
        return check.records;
    }

    private LoadReport write(List<Input> inputs, int batchSize, long records, Progress progress) {
        progress.start("Loading", records);
        long[] counts = new long[4]; // records, written, deleted, unchanged
        long[] sequences = {0, 0};
        int[] batches = {0};
        Batch[] batch = {store.begin()};
        try {
            Consumer<Commit> committed = c -> {
                batches[0]++;
                counts[1] += c.written();
                counts[2] += c.deleted();
                counts[3] += c.unchanged();
                if (c.firstSequence() > 0 && sequences[0] == 0) sequences[0] = c.firstSequence();
                if (c.lastSequence() > 0) sequences[1] = c.lastSequence();
            };
            int[] inBatch = {0};
            for (Input input : inputs) {
                read(input, r -> {
                    RecordId id = r.id().orElseThrow();
                    if (r.deletion()) batch[0].delete(id);
                    else batch[0].put(id, r.graph());
                    counts[0]++;
                    progress.advance(1);
                    if (batchSize > 0 && ++inBatch[0] == batchSize) {
                        committed.accept(batch[0].commit());
                        batch[0] = store.begin();
                        inBatch[0] = 0;
                    }
                });
            }
            committed.accept(batch[0].commit());
        } finally {
            batch[0].close();
            progress.end();
        }
        return new LoadReport(counts[0], counts[1], counts[2], counts[3], batches[0], sequences[0], sequences[1]);
    }

    private void read(Input input, Consumer<ParsedRecord> sink) {
        try (InputStream in = input.opener().open()) {
            reader(input).read(input.name(), in, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(input.name() + ": " + e.getMessage(), e);
        }
    }

    private void readCounting(Input input, Progress progress, Consumer<ParsedRecord> sink) {
        try (InputStream in = new CountingStream(input.opener().open(), progress)) {
            reader(input).read(input.name(), in, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(input.name() + ": " + e.getMessage(), e);
        }
    }

    private RecordReader reader(Input input) {
        return input.format().lang()
                .<RecordReader>map(lang -> new RdfRecordReader(lang, store.base(), store.vocabulary().context()))
                .orElse(json);
    }

    /** The first pass: what every record says, and what the batch as a whole says. */
    private final class Check {
        RecordStore.Snapshot snapshot;
        final List<Problem> problems = new ArrayList<>();
        long problemCount;
        long records;
        /** Ids seen in the batch: true when the batch deletes it. */
        final Map<RecordId, String> seen = new HashMap<>();
        final List<Pending> pending = new ArrayList<>();

        record Pending(ParsedRecord.Reference reference, String source, String record) {}

        void accept(ParsedRecord r) {
            records++;
            r.problems().forEach(this::add);
            validator.check(r).forEach(this::add);
            r.id().ifPresent(id -> identity(r, id));
            for (ParsedRecord.Reference ref : r.references()) {
                if (seen.containsKey(ref.target())) continue;
                Optional<Status> status = snapshot.status(ref.target());
                if (status.isEmpty()) pending.add(new Pending(ref, r.source(), r.label()));
                else if (status.get() == Status.DELETED) {
                    add(new Problem(r.source(), ref.line(), r.label(), ref.field(), ref.target() + " was deleted"));
                }
            }
        }

        private void identity(ParsedRecord r, RecordId id) {
            String where = r.source() + (r.line() > 0 ? ":" + r.line() : "");
            String before = seen.putIfAbsent(id, where);
            Optional<Status> status = snapshot.status(id);
            if (before != null && !r.deletion()) {
                add(new Problem(r.source(), r.line(), r.label(), "id", "appears twice in the input (first at " + before + ")"));
            } else if (status.isPresent() && status.get() == Status.DELETED) {
                add(new Problem(r.source(), r.line(), r.label(), "id",
                        r.deletion() ? "is already deleted" : "was deleted; identifiers are never reused"));
            } else if (r.deletion() && status.isEmpty() && before == null) {
                add(new Problem(r.source(), r.line(), r.label(), "id", "there is no such record to delete"));
            }
        }

        void unresolved() {
            for (Pending p : pending) {
                if (!seen.containsKey(p.reference().target())) {
                    add(new Problem(p.source(), p.reference().line(), p.record(), p.reference().field(),
                            "refers to " + p.reference().target() + ", which is neither in the archive nor in the input"));
                }
            }
        }

        void add(Problem p) {
            problemCount++;
            if (problems.size() < MAX_LISTED_PROBLEMS) problems.add(p);
        }
    }

    /** Reports bytes read as progress. */
    private static final class CountingStream extends FilterInputStream {
        private final Progress progress;

        CountingStream(InputStream in, Progress progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) progress.advance(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) progress.advance(n);
            return n;
        }
    }
}
