package org.dhakira.bench;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Paths on one server, asked in order from a cursor that the runs sharing it move on: runs over the same cursor
 * never ask a path twice until the list is used up (the cold record pages), and a list of one path is asked again
 * and again (the static file).
 *
 * <pre>{@code Walk pages = new Walk(server, List.of("doc/document/d1", "doc/document/d2"), new AtomicInteger());}</pre>
 */
record Walk(URI base, List<String> paths, AtomicInteger cursor) {
    Walk {
        if (paths.isEmpty()) throw new IllegalArgumentException("a walk needs at least one path");
        paths = List.copyOf(paths);
    }

    /** A walk of its own over {@code paths}. */
    Walk(URI base, List<String> paths) {
        this(base, paths, new AtomicInteger());
    }

    /** The next path's URI, moving the cursor on. */
    URI next() {
        return base.resolve(paths.get(Math.floorMod(cursor.getAndIncrement(), paths.size())));
    }
}
