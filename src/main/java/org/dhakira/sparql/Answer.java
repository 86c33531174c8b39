package org.dhakira.sparql;

import java.io.OutputStream;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.resultset.ResultsWriter;

/**
 * The answer to a query, held in memory after its read transaction has ended: at most the row cap's worth of
 * rows or triples, and whether the cap cut it (so the response can say so in its headers, before the body).
 */
public sealed interface Answer {

    /** Whether the row cap cut this answer. */
    boolean truncated();

    /** Writes the answer in {@code format}, which must be one of its form's formats. */
    void writeTo(OutputStream out, ResultFormat format);

    /** A SELECT's rows. */
    record Table(List<Var> vars, List<Binding> rows, boolean truncated) implements Answer {
        public Table {
            vars = List.copyOf(vars);
            rows = List.copyOf(rows);
        }

        @Override
        public void writeTo(OutputStream out, ResultFormat format) {
            if (format.graph()) throw new IllegalArgumentException("a table cannot be written as " + format);
            ResultsWriter.create().lang(format.lang()).build().write(out, RowSetStream.create(vars, rows.iterator()));
        }
    }

    /** An ASK's yes or no. */
    record Bool(boolean value) implements Answer {
        @Override
        public boolean truncated() {
            return false;
        }

        @Override
        public void writeTo(OutputStream out, ResultFormat format) {
            if (format.graph()) throw new IllegalArgumentException("a boolean cannot be written as " + format);
            ResultsWriter.create().lang(format.lang()).build().write(out, value);
        }
    }

    /** A CONSTRUCT's or DESCRIBE's triples, with the query's prefixes for the writers that use them. */
    record Triples(Graph graph, boolean truncated) implements Answer {
        @Override
        public void writeTo(OutputStream out, ResultFormat format) {
            if (!format.graph()) throw new IllegalArgumentException("a graph cannot be written as " + format);
            RDFWriter.source(graph).lang(format.lang()).output(out);
        }
    }
}
