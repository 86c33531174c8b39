package org.dhakira.sparql;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.algebra.op.OpGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterProcessBinding;
import org.apache.jena.sparql.engine.iterator.QueryIterNullIterator;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;

/**
 * TDB2's executor, except that {@code GRAPH} never opens the real default graph. The tuple filter of
 * {@link Boundaries} hides the real default graph from TDB2's own scans, but a property path inside
 * {@code GRAPH ?g}, with {@code ?g} computed as {@code <urn:x-arq:DefaultGraph>}, is walked over the graph
 * object and would see the bookkeeping; here such a binding matches nothing. Set per query execution.
 */
final class RecordsOnlyExecutor extends OpExecutorTDB2 {

    static final OpExecutorFactory FACTORY = RecordsOnlyExecutor::new;

    private RecordsOnlyExecutor(ExecutionContext context) {
        super(context);
    }

    @Override
    protected QueryIterator execute(OpGraph opGraph, QueryIterator input) {
        Node g = opGraph.getNode();
        if (internal(g)) {
            input.close();
            return QueryIterNullIterator.create(execCxt);
        }
        if (Var.isVar(g)) {
            Var v = Var.alloc(g);
            input = new QueryIterProcessBinding(input, execCxt) {
                @Override
                public Binding accept(Binding binding) {
                    Node value = binding.get(v);
                    return value != null && internal(value) ? null : binding;
                }
            };
        }
        return super.execute(opGraph, input);
    }

    /** The real default graph's names; the union graph, which Jena itself wraps queries in, stays open. */
    private static boolean internal(Node g) {
        return Quad.isDefaultGraph(g) || Quad.defaultGraphNodeGenerated.equals(g);
    }
}
