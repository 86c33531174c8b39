package org.dhakira.ingest;

/**
 * What a load did: records read, written (new or changed), deleted, left alone because unchanged, the number
 * of committed batches, and the sequence numbers used (0 when none).
 */
public record LoadReport(long records, long written, long deleted, long unchanged, int batches,
                         long firstSequence, long lastSequence) {}
