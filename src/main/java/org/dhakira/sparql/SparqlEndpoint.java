package org.dhakira.sparql;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetDescription;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DynamicDatasets;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.tdb2.sys.SystemTDB;
import org.dhakira.index.Search;
import org.dhakira.sparql.QueryRefusedException.Reason;
import org.dhakira.store.RecordStore;

/**
 * Read-only SPARQL over the record store: parses and checks a query ({@link #prepare}), then runs it in one read
 * transaction under the {@link Policy} ({@link #answer}). The default graph is the union of the records; each
 * record is a named graph; the store's bookkeeping is out of reach ({@link Boundaries}). {@code text:query}
 * searches the archive's index, registered on this endpoint's own property-function registry, not Jena's global one.
 *
 * <pre>{@code SparqlEndpoint sparql = new SparqlEndpoint(store, search, policy);
 * Answer a = sparql.answer(sparql.prepare(QueryRequest.of("SELECT * { ?s ?p ?o } LIMIT 10")));}</pre>
 */
public final class SparqlEndpoint {

    private final RecordStore store;
    private final Policy policy;
    private final PropertyFunctionRegistry functions;

    public SparqlEndpoint(RecordStore store, Search search, Policy policy) {
        this.store = store;
        this.policy = policy;
        this.functions = PropertyFunctionRegistry.createFrom(PropertyFunctionRegistry.get());
        TextQuery text = new TextQuery(search, store.uris());
        this.functions.put(TextQuery.QUERY, uri -> text);
    }

    public Policy policy() {
        return policy;
    }

    public String base() {
        return store.base();
    }

    /** Parses and checks a query; refuses it (with line and column for a syntax error) before anything runs. */
    public PreparedQuery prepare(QueryRequest request) {
        Query query;
        try {
            query = QueryFactory.create(request.query(), Syntax.syntaxARQ);
        } catch (QueryParseException e) {
            // An update sent as a query (INSERT DATA, DROP ALL, LOAD …) is refused as what it is, not as bad syntax.
            if (isUpdate(request.query())) throw ProtocolRequest.updateRefused();
            throw new QueryRefusedException(Reason.SYNTAX, "the query does not parse: line " + e.getLine() + ", column " + e.getColumn()
                    + ": " + firstLine(e.getMessage()));
        }
        QueryForm form = switch (query.queryType()) {
            case SELECT -> QueryForm.SELECT;
            case ASK -> QueryForm.ASK;
            case CONSTRUCT -> QueryForm.CONSTRUCT;
            case DESCRIBE -> QueryForm.DESCRIBE;
            default -> throw new QueryRefusedException(Reason.BAD_REQUEST, "only SELECT, ASK, CONSTRUCT and DESCRIBE queries are answered here");
        };
        boolean services = Boundaries.check(query, request, policy.allowedServices());
        if (request.namesDataset()) {
            // The protocol's dataset replaces the query's own FROM and FROM NAMED (SPARQL 1.1 Protocol, 2.1.4).
            query.getGraphURIs().clear();
            query.getNamedGraphURIs().clear();
        }
        if (form == QueryForm.SELECT && (!query.hasLimit() || query.getLimit() > policy.rowCap())) {
            // One row more than the cap, so that a cut can be told from an answer that just fits.
            query.setLimit(policy.rowCap() + 1L);
        }
        return new PreparedQuery(query, form, request, services);
    }

    /**
     * Runs a prepared query in one read transaction, stopping it at the time limit, and keeps at most the row
     * cap's worth of its answer.
     */
    public Answer answer(PreparedQuery prepared) {
        try {
            return store.read(dsg -> run(prepared, dsg));
        } catch (QueryCancelledException e) {
            throw new QueryRefusedException(Reason.TIMEOUT, "the query was stopped at the time limit of " + policy.timeout().toSeconds()
                    + " s; make it more selective (a narrower pattern, full text, a LIMIT) or split it");
        }
    }

    private Answer run(PreparedQuery prepared, DatasetGraph records) {
        QueryRequest request = prepared.request();
        DatasetGraph dataset = records;
        if (request.namesDataset()) {
            dataset = DynamicDatasets.dynamicDataset(DatasetDescription.create(request.defaultGraphs(), request.namedGraphs()), records, false);
        }
        int cap = policy.rowCap();
        if (prepared.form() == QueryForm.DESCRIBE) return describe(prepared, dataset, cap);
        try (QueryExec exec = execution(prepared.query(), dataset, prepared)) {
            return switch (prepared.form()) {
                case SELECT -> {
                    RowSet rows = exec.select();
                    List<Var> vars = rows.getResultVars();
                    List<Binding> kept = new ArrayList<>();
                    boolean cut = false;
                    while (rows.hasNext()) {
                        Binding b = rows.next();
                        if (kept.size() == cap) {
                            cut = true;
                            break;
                        }
                        // Copied: TDB2's bindings read their nodes lazily, and the transaction ends before writing.
                        kept.add(BindingFactory.copy(b));
                    }
                    yield new Answer.Table(vars, kept, cut);
                }
                case ASK -> new Answer.Bool(exec.ask());
                case CONSTRUCT -> triples(exec.constructTriples(), prepared.query(), cap);
                case DESCRIBE -> throw new IllegalStateException("DESCRIBE is answered above");
            };
        }
    }

    /**
     * DESCRIBE, done here rather than by Jena's handler, which reads the store's real default graph (the
     * bookkeeping) and runs outside the time limit and the cap: the resources named, and those the pattern binds
     * (found by the query run as a SELECT, under the same limits), each described by its statements in the
     * records' union.
     */
    private Answer describe(PreparedQuery prepared, DatasetGraph dataset, int cap) {
        Query query = prepared.query();
        long deadline = System.nanoTime() + policy.timeout().toNanos();
        java.util.Set<Node> resources = new java.util.LinkedHashSet<>(query.getResultURIs());
        if (query.getQueryPattern() != null) {
            Query select = query.cloneQuery();
            select.setQuerySelectType();
            if (!select.hasLimit() || select.getLimit() > cap) select.setLimit(cap + 1L);
            try (QueryExec exec = execution(select, dataset, prepared)) {
                RowSet rows = exec.select();
                List<Var> described = query.isQueryResultStar() ? rows.getResultVars() : query.getProjectVars();
                while (rows.hasNext()) {
                    Binding b = rows.next();
                    for (Var v : described) {
                        Node n = b.get(v);
                        if (n != null && (n.isURI() || n.isBlank())) resources.add(n);
                    }
                }
            }
        }
        Graph union = dataset.getUnionGraph(); // the records' named graphs only
        Graph graph = GraphFactory.createDefaultGraph();
        graph.getPrefixMapping().setNsPrefixes(query.getPrefixMapping());
        for (Node r : resources) {
            Iterator<Triple> statements = union.find(r, Node.ANY, Node.ANY);
            while (statements.hasNext()) {
                if (System.nanoTime() > deadline) throw new QueryCancelledException();
                Triple t = statements.next();
                if (graph.size() == cap && !graph.contains(t)) return new Answer.Triples(graph, true);
                graph.add(t);
            }
        }
        return new Answer.Triples(graph, false);
    }

    /** An execution under the endpoint's rules: the time limit, text:query, the records-only guards, SERVICE as checked. */
    private QueryExec execution(Query query, DatasetGraph dataset, PreparedQuery prepared) {
        return QueryExec.dataset(dataset).query(query)
                .timeout(policy.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .set(ARQConstants.registryPropertyFunctions, functions)
                .set(ARQConstants.sysOpExecutorFactory, RecordsOnlyExecutor.FACTORY)
                .set(SystemTDB.symTupleFilter, Boundaries.RECORDS_ONLY)
                .set(ARQ.httpServiceAllowed, prepared.callsServices())
                .build();
    }

    private static Answer triples(Iterator<Triple> triples, Query query, int cap) {
        Graph graph = GraphFactory.createDefaultGraph();
        graph.getPrefixMapping().setNsPrefixes(query.getPrefixMapping());
        boolean cut = false;
        while (triples.hasNext()) {
            Triple t = triples.next();
            if (graph.size() == cap && !graph.contains(t)) {
                cut = true;
                break;
            }
            graph.add(t);
        }
        return new Answer.Triples(graph, cut);
    }

    private static boolean isUpdate(String text) {
        try {
            org.apache.jena.update.UpdateFactory.create(text, Syntax.syntaxARQ);
            return true;
        } catch (QueryParseException notAnUpdateEither) {
            return false;
        }
    }

    private static String firstLine(String message) {
        if (message == null) return "";
        return message.split("\n")[0];
    }
}
