package org.dhakira.crawl;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One written dump: its file, the store change it reflects (at least: changes committed while it was written may
 * be in it too), its size in bytes and when it was finished.
 */
public record Dump(Path file, long sequence, long size, Instant modified) {

    /** A strong validator: a new dump is a new file, named by the change it reflects. */
    public String etag() {
        return "dump-" + sequence + "-" + size;
    }
}
