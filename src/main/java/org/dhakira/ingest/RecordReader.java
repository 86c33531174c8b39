package org.dhakira.ingest;

import java.io.InputStream;
import java.util.function.Consumer;

/** Reads one input stream into records, handing each to {@code sink} as soon as it is complete. */
interface RecordReader {
    /**
     * Never throws for bad input: malformed content becomes a {@link ParsedRecord} carrying the problem.
     *
     * @param source the name used in messages (usually the file name)
     */
    void read(String source, InputStream in, Consumer<ParsedRecord> sink);
}
