package org.dhakira.ingest;

/** Hears how a long load advances; the command line draws progress bars from it. */
public interface Progress {
    /** A phase begins; {@code total} units are expected (bytes when checking, records when writing). */
    default void start(String phase, long total) {}

    default void advance(long units) {}

    default void end() {}

    Progress NONE = new Progress() {};
}
