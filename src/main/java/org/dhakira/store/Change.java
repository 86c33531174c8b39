package org.dhakira.store;

import java.time.Instant;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

/**
 * One change as a batch makes it: the record, its new sequence number and datestamp, and its graph as now
 * stored (a tombstone's graph for a deletion, with the document type and grade it had in {@code formerTerms}).
 */
public record Change(RecordId id, long sequence, Instant datestamp, boolean deleted, Graph graph, List<Node> formerTerms) {}
