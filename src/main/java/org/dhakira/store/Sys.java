package org.dhakira.store;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Terms of the store's own bookkeeping. They live in TDB2's real default graph, which the SPARQL door never
 * sees (its default graph is the union of the record graphs), and never leave the archive.
 */
final class Sys {
    private Sys() {}

    static final String NS = "urn:dhakira:system#";
    /** The subject that carries the archive-wide counters. */
    static final Node ARCHIVE = NodeFactory.createURI("urn:dhakira:system");
    static final Node base = term("base");
    static final Node lastSequence = term("lastSequence");
    static final Node lastDatestamp = term("lastDatestamp");
    static final Node sequence = term("sequence");
    static final Node datestamp = term("datestamp");
    static final Node kind = term("kind");
    static final Node deleted = term("deleted");
    /** An origin of harvested things, {@code <urn:dhakira:system:origin:{name}> originBase <{its base}>}. */
    static final String ORIGIN = "urn:dhakira:system:origin:";
    static final Node originBase = term("originBase");
    /** Named state of work done in steps, {@code <urn:dhakira:system:state:{key}> value "…"}. */
    static final String STATE = "urn:dhakira:system:state:";
    static final Node value = term("value");

    private static Node term(String local) {
        return NodeFactory.createURI(NS + local);
    }
}
