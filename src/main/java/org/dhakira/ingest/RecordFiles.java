package org.dhakira.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import org.dhakira.vocab.Vocabulary;

/**
 * Reads inputs of any supported format into records, one at a time, in constant memory for JSON, JSON Lines,
 * N-Quads and TriG. Bad content does not throw: it arrives as records carrying their problems.
 *
 * <pre>{@code new RecordFiles(vocab, base).read(Input.of(path), record -> …);}</pre>
 */
public final class RecordFiles {

    private final Vocabulary vocabulary;
    private final String base;
    private final JsonRecordReader json;

    public RecordFiles(Vocabulary vocabulary, String base) {
        this.vocabulary = vocabulary;
        this.base = base;
        this.json = new JsonRecordReader(vocabulary, base);
    }

    public void read(Input input, Consumer<ParsedRecord> sink) {
        read(input, Progress.NONE, sink);
    }

    /** Reads {@code input}, reporting the bytes read to {@code progress}. */
    public void read(Input input, Progress progress, Consumer<ParsedRecord> sink) {
        long[] count = {0};
        try (InputStream in = progress == Progress.NONE ? input.opener().open() : new CountingStream(input.opener().open(), progress)) {
            reader(input).read(input.name(), in, r -> {
                count[0]++;
                sink.accept(r);
            });
        } catch (IOException | UncheckedIOException e) {
            // An unreadable input (a ".gz" that is not gzip, a vanished file) is a problem of the input.
            sink.accept(ParsedRecord.failed(input.name(), 0, "cannot read: " + e.getMessage()));
            return;
        }
        if (count[0] == 0) sink.accept(ParsedRecord.failed(input.name(), 0, "contains no records"));
    }

    private RecordReader reader(Input input) {
        return input.format().lang()
                .<RecordReader>map(lang -> new RdfRecordReader(lang, base, vocabulary.context()))
                .orElse(json);
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
