package org.dhakira.sparql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpGraph;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.tdb2.store.NodeId;
import org.dhakira.sparql.QueryRefusedException.Reason;

/**
 * What a public query may not reach. The store keeps its bookkeeping (sequence numbers, datestamps) in TDB2's
 * real default graph; SPARQL's default graph is the union of the records, but Jena would still open the real one
 * to {@code GRAPH <urn:x-arq:DefaultGraph>} or {@code FROM <urn:x-arq:DefaultGraph>}. So Jena's internal graph
 * names are refused where a query names them, and {@link RecordsOnlyExecutor} matches nothing where a query
 * computes that name at run time. SERVICE may call only the allow-listed endpoints.
 */
final class Boundaries {
    private Boundaries() {}

    /** Jena's names for the real default graph, the union graph and the like. */
    static final String INTERNAL = "urn:x-arq:";

    /**
     * A TDB2 tuple filter, set per query execution: quads (the records' named graphs) pass, triples (the real
     * default graph: the bookkeeping) never do. It sits under every pattern TDB2 solves, whatever algebra a
     * query compiles to (an OPTIONAL whose graph name is substituted, a filtered quad pattern): the executor's
     * guard alone was found to miss such shapes.
     */
    static final Predicate<Tuple<NodeId>> RECORDS_ONLY = tuple -> tuple.len() == 4;

    /** Refuses what the query names outside its reach; tells whether it calls any (allowed) SERVICE. */
    static boolean check(Query query, QueryRequest request, Set<String> allowedServices) {
        List<String> graphs = new ArrayList<>(request.defaultGraphs());
        graphs.addAll(request.namedGraphs());
        graphs.addAll(query.getGraphURIs());
        graphs.addAll(query.getNamedGraphURIs());
        for (String g : graphs) {
            if (g.startsWith(INTERNAL)) throw internal(g);
        }
        Op op = Algebra.compile(query);
        boolean[] services = {false};
        // The walker also enters the patterns of FILTER EXISTS and NOT EXISTS, where a SERVICE could hide.
        Walker.walk(op, new OpVisitorBase() {
            @Override
            public void visit(OpGraph opGraph) {
                graphName(opGraph.getNode());
            }

            @Override
            public void visit(org.apache.jena.sparql.algebra.op.OpBGP bgp) {
                bgp.getPattern().forEach(t -> javaName(t.getPredicate()));
            }

            @Override
            public void visit(OpService service) {
                Node endpoint = service.getService();
                if (!endpoint.isURI()) {
                    throw new QueryRefusedException(Reason.FORBIDDEN, "SERVICE with a variable endpoint is not allowed here:"
                            + " only the endpoints on the allow-list may be called, and they must be named");
                }
                if (!allowedServices.contains(endpoint.getURI())) {
                    throw new QueryRefusedException(Reason.FORBIDDEN, "SERVICE <" + endpoint.getURI() + "> is not allowed: this endpoint calls only"
                            + (allowedServices.isEmpty() ? " the endpoints its operator allow-lists (sparql.serviceAllowList), and none are"
                            : " " + String.join(", ", allowedServices.stream().sorted().toList())));
                }
                services[0] = true;
            }
        }, new ExprVisitorBase() {
            @Override
            public void visit(org.apache.jena.sparql.expr.ExprFunctionN func) {
                if (func instanceof org.apache.jena.sparql.expr.E_Function f) javaName(org.apache.jena.graph.NodeFactory.createURI(f.getFunctionIRI()));
            }
        });
        return services[0];
    }

    /**
     * Jena loads any class on its classpath named by a {@code java:} function or property-function IRI; a public
     * endpoint offers the standard functions and text:query, not the server's classes.
     */
    private static void javaName(Node n) {
        if (n != null && n.isURI() && n.getURI().startsWith("java:")) {
            throw new QueryRefusedException(Reason.FORBIDDEN, "<" + n.getURI() + "> names a Java class; this endpoint offers the"
                    + " SPARQL functions, Jena's library functions and text:query, not classes of the server");
        }
    }

    private static void graphName(Node g) {
        if (g != null && g.isURI() && g.getURI().startsWith(INTERNAL)) throw internal(g.getURI());
    }

    private static QueryRefusedException internal(String g) {
        return new QueryRefusedException(Reason.BAD_REQUEST, "<" + g + "> is one of Jena's internal graph names, which this endpoint"
                + " does not open; the default graph is already the union of every record, and each record is a named graph");
    }
}
