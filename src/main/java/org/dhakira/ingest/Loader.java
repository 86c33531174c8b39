package org.dhakira.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.Function;

import org.dhakira.store.Batch;
import org.dhakira.store.Commit;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;
import org.dhakira.store.RecordStore.Status;
import org.dhakira.vocab.Kind;
import org.dhakira.vocab.Vocabulary;

/**
 * The one way records come in. Every record is checked (its own content against the shapes, duplicate ids,
 * links to records that exist neither in the store nor in the inputs, reuse of deleted ids) and nothing is
 * written unless every record passes; the error then lists every problem.
 *
 * <pre>{@code LoadReport r = new Loader(store).load(List.of(Input.of(path)), 0, Progress.NONE);}</pre>
 *
 * By default everything goes in one transaction, in one pass: records are written as they are checked and the
 * transaction is aborted if any problem turns up. With a batch size, every so many records are committed
 * together: the inputs are then checked whole first and read again to write, and a crash keeps the batches
 * committed before it, each whole. Either way, reading and checking run on one thread and writing on another.
 */
public final class Loader {

    /** Problems kept for the report; more are counted, not listed. */
    static final int MAX_LISTED_PROBLEMS = 1000;

    private final RecordStore store;
    private final Vocabulary vocabulary;
    private final RecordValidator validator;
    private final RecordFiles files;

    public Loader(RecordStore store) {
        this.store = store;
        this.vocabulary = store.vocabulary();
        this.validator = new RecordValidator(store.vocabulary(), store.uris());
        this.files = new RecordFiles(store.vocabulary(), store.base());
    }

    /**
     * Checks and writes all {@code inputs}.
     *
     * @param batchSize records per transaction; 0 for one transaction for everything
     * @throws InvalidInputException if any record is wrong; nothing is written then
     */
    public LoadReport load(List<Input> inputs, int batchSize, Progress progress) throws InvalidInputException {
        if (batchSize < 0) throw new IllegalArgumentException("batch size must be 0 (one batch) or more, was " + batchSize);
        if (batchSize == 0) return loadInOneTransaction(inputs, progress);
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
        progress.start("Checking", totalSize(inputs));
        Check check;
        try {
            check = store.snapshot(snapshot -> {
                Check c = new Check(snapshot::status);
                checked(inputs, progress, true, c::accept);
                c.unresolved();
                return c;
            });
        } finally {
            progress.end();
        }
        check.throwIfProblems();
        return check.records;
    }

    /**
     * Checks and writes {@code input} in one transaction, as {@link #load} does with a batch size of 0, asking
     * {@code guard} about each record as it goes: what the write API uses to hold a PUT to the record its URL names
     * and to honour {@code If-Match} without a window between the check and the write.
     *
     * @throws InvalidInputException if any record is wrong or the guard refuses its id; nothing is written then
     * @throws PreconditionFailedException if the guard refuses a record's current version; nothing is written then
     */
    public LoadReport load(Input input, Guard guard) throws InvalidInputException, PreconditionFailedException {
        return loadInOneTransaction(List.of(input), Progress.NONE, guard);
    }

    /**
     * What one write asks of the records it changes. Both questions are asked inside the write's transaction, so
     * what they see is what the write replaces.
     */
    public interface Guard {
        /** Asks nothing. */
        Guard NONE = new Guard() {};

        /** Why the input may not name {@code id} (a PUT names one record), or empty when it may. */
        default Optional<String> refusal(RecordId id) {
            return Optional.empty();
        }

        /**
         * Called before {@code id} is written, with its last change (0: the store never had it) and whether it is
         * live (false for a tombstone or a new record); throws to stop the whole write.
         */
        default void admit(RecordId id, long lastChange, boolean live) throws PreconditionFailedException {}
    }

    private LoadReport loadInOneTransaction(List<Input> inputs, Progress progress) throws InvalidInputException {
        try {
            return loadInOneTransaction(inputs, progress, Guard.NONE);
        } catch (PreconditionFailedException e) {
            throw new IllegalStateException("a write without a guard was refused by one", e);
        }
    }

    private LoadReport loadInOneTransaction(List<Input> inputs, Progress progress, Guard guard)
            throws InvalidInputException, PreconditionFailedException {
        progress.start("Loading", totalSize(inputs));
        Tally tally = new Tally();
        try (Batch batch = store.begin()) {
            Check check = new Check(batch::status);
            PreconditionFailedException[] failed = {null};
            checked(inputs, progress, true, r -> {
                boolean fine = check.accept(r);
                Optional<String> refused = r.id().flatMap(guard::refusal);
                refused.ifPresent(reason -> check.add(new Problem(r.source(), r.line(), r.label(), "id", reason)));
                // Once anything is wrong the transaction will be aborted: keep checking, stop writing.
                if (!fine || refused.isPresent() || check.problemCount > 0 || failed[0] != null) return;
                if (guard != Guard.NONE) {
                    RecordId id = r.id().orElseThrow();
                    try {
                        Optional<org.dhakira.store.StoredRecord> now = batch.find(id);
                        guard.admit(id, now.map(org.dhakira.store.StoredRecord::sequence).orElse(0L), now.isPresent() && !now.get().deleted());
                    } catch (PreconditionFailedException e) {
                        failed[0] = e;
                        return;
                    }
                }
                write(batch, r);
            });
            check.unresolved();
            check.throwIfProblems();
            if (failed[0] != null) throw failed[0];
            tally.add(batch.commit());
            tally.records = check.records;
        } finally {
            progress.end();
        }
        return tally.report();
    }

    private LoadReport write(List<Input> inputs, int batchSize, long records, Progress progress) {
        progress.start("Loading", records);
        Tally tally = new Tally();
        Batch[] batch = {store.begin()};
        try {
            int[] inBatch = {0};
            checked(inputs, Progress.NONE, false, r -> {
                write(batch[0], r);
                tally.records++;
                progress.advance(1);
                if (++inBatch[0] == batchSize) {
                    tally.add(batch[0].commit());
                    batch[0] = store.begin();
                    inBatch[0] = 0;
                }
            });
            tally.add(batch[0].commit());
        } finally {
            batch[0].close();
            progress.end();
        }
        return tally.report();
    }

    private static void write(Batch batch, ParsedRecord r) {
        RecordId id = r.id().orElseThrow();
        if (r.deletion()) batch.delete(id);
        else batch.put(id, r.graph());
    }

    private static long totalSize(List<Input> inputs) {
        return inputs.stream().mapToLong(Input::size).sum();
    }

    /** Adds up the commits of a load. */
    private static final class Tally {
        long records;
        long written;
        long deleted;
        long unchanged;
        int batches;
        long first;
        long last;

        void add(Commit c) {
            batches++;
            written += c.written();
            deleted += c.deleted();
            unchanged += c.unchanged();
            if (c.firstSequence() > 0 && first == 0) first = c.firstSequence();
            if (c.lastSequence() > 0) last = c.lastSequence();
        }

        LoadReport report() {
            return new LoadReport(records, written, deleted, unchanged, batches, first, last);
        }
    }

    /**
     * Reads the inputs on a second thread, which also checks each record on its own (the costly shapes) when
     * {@code validate} is set, and hands the records to {@code sink} on this thread, in input order. This
     * thread owns the store transaction; the two cores parse and write at once.
     */
    private void checked(List<Input> inputs, Progress progress, boolean validate, Consumer<ParsedRecord> sink) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(512);
        Object end = new Object();
        Thread reader = new Thread(() -> {
            try {
                for (Input input : inputs) {
                    files.read(input, progress, r -> {
                        ParsedRecord checked = validate ? withProblems(r, validator.check(r)) : r;
                        try {
                            queue.put(checked);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new Stopped();
                        }
                    });
                }
                queue.put(end);
            } catch (Stopped | InterruptedException e) {
                // The writer gave up; nobody is listening.
            } catch (RuntimeException | Error e) {
                try {
                    queue.put(e);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "dhakira-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Object item = queue.take();
                if (item == end) break;
                if (item instanceof RuntimeException e) throw e;
                if (item instanceof Error e) throw e;
                sink.accept((ParsedRecord) item);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading", e);
        } finally {
            reader.interrupt();
        }
    }

    /** Unwinds the reader thread when the writer has stopped listening. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private static ParsedRecord withProblems(ParsedRecord r, List<Problem> more) {
        if (more.isEmpty()) return r;
        List<Problem> all = new ArrayList<>(r.problems());
        all.addAll(more);
        return new ParsedRecord(r.source(), r.line(), r.id(), r.deletion(), r.graph(), r.references(), all, r.fieldLines());
    }

    /** What the inputs say as a whole: duplicate ids, links, reuse of deleted ids. */
    private final class Check {
        private final Function<RecordId, Optional<Status>> status;
        final List<Problem> problems = new ArrayList<>();
        long problemCount;
        long records;
        /** Ids seen in the inputs, with where they were first seen. */
        final Map<RecordId, String> seen = new HashMap<>();
        final List<Pending> pending = new ArrayList<>();

        record Pending(ParsedRecord.Reference reference, String source, String record) {}

        Check(Function<RecordId, Optional<Status>> status) {
            this.status = status;
        }

        private static String kindList(Set<Kind> kinds) {
            return kinds.stream().sorted().map(k -> (k == Kind.ORGANISATION ? "an " : "a ") + k.segment())
                    .collect(java.util.stream.Collectors.joining(" or "));
        }

        /** Takes in one record; true if nothing is wrong with it. */
        boolean accept(ParsedRecord r) {
            records++;
            long before = problemCount;
            r.problems().forEach(this::add);
            r.id().ifPresent(id -> identity(r, id));
            for (ParsedRecord.Reference ref : r.references()) {
                Set<Kind> kinds = vocabulary.kindsFor(ref.property());
                if (!kinds.isEmpty() && !kinds.contains(ref.target().kind())) {
                    add(new Problem(r.source(), ref.line(), r.label(), ref.field(), "must name " + kindList(kinds)
                            + ", not " + ref.target()));
                    continue;
                }
                // A link to a tombstone stands: the thing existed, and its URI says 410 Gone.
                if (seen.containsKey(ref.target()) || status.apply(ref.target()).isPresent()) continue;
                pending.add(new Pending(ref, r.source(), r.label()));
            }
            return problemCount == before && r.id().isPresent();
        }

        private void identity(ParsedRecord r, RecordId id) {
            String where = r.source() + (r.line() > 0 ? ":" + r.line() : "");
            String before = seen.putIfAbsent(id, where);
            if (before != null && !r.deletion()) {
                add(new Problem(r.source(), r.line(), r.label(), "id", "appears twice in the input (first at " + before + ")"));
                return;
            }
            if (before != null) return; // deleting what the same input wrote earlier
            Optional<Status> s = status.apply(id);
            if (s.isPresent() && s.get() == Status.DELETED && !r.deletion()) {
                add(new Problem(r.source(), r.line(), r.label(), "id", "was deleted; identifiers are never reused"));
            } else if (r.deletion() && s.isEmpty() && !r.importsTombstone()) {
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

        void throwIfProblems() throws InvalidInputException {
            if (problemCount > 0) throw new InvalidInputException(problems, problemCount);
        }
    }
}
