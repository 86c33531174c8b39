package org.dhakira.store;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.dhakira.vocab.Arch;

/**
 * Counts over the archive: live records by kind, tombstones, and documents by type, reliability grade, original
 * language and the languages their titles are given in. Types and grades are keyed by their scheme IRIs.
 */
public record Statistics(Map<String, Long> byKind, long tombstones, Map<Node, Long> byDocumentType,
                         Map<Node, Long> byReliability, Map<String, Long> byOriginalLanguage,
                         Map<String, Long> byTitleLanguage) {

    private static final String PREFIXES = "PREFIX arch: <" + Arch.NS + ">\nPREFIX sys: <" + Sys.NS + ">\n";

    public static Statistics of(RecordStore store) {
        return Txn.calculateRead(store.dataset(), () -> {
            Map<String, Long> byKind = new LinkedHashMap<>();
            long[] tombstones = {0};
            // The bookkeeping graph has one kind per record; walking it beats a SPARQL GROUP BY over the union.
            store.dataset().asDatasetGraph().find(Quad.defaultGraphIRI, Node.ANY, Sys.kind, Node.ANY).forEachRemaining(q -> {
                boolean deleted = RecordStore.systemValue(store.dataset().asDatasetGraph(), q.getSubject(), Sys.deleted).isPresent();
                if (deleted) tombstones[0]++;
                else byKind.merge(q.getObject().getLiteralLexicalForm(), 1L, Long::sum);
            });
            return new Statistics(byKind, tombstones[0],
                    count(store, "SELECT ?v (COUNT(?d) AS ?n) { ?d a arch:Document ; arch:documentType ?v } GROUP BY ?v ORDER BY DESC(?n) ?v"),
                    count(store, "SELECT ?v (COUNT(?d) AS ?n) { ?d a arch:Document ; arch:reliability ?v } GROUP BY ?v ORDER BY DESC(?n) ?v"),
                    strings(count(store, "SELECT ?v (COUNT(?d) AS ?n) { ?d a arch:Document ; arch:originalLanguage ?v } GROUP BY ?v ORDER BY DESC(?n) ?v")),
                    strings(count(store, "SELECT ?v (COUNT(DISTINCT ?d) AS ?n) { ?d a arch:Document ; arch:title ?t BIND(LANG(?t) AS ?v) } GROUP BY ?v ORDER BY DESC(?n) ?v")));
        });
    }

    private static Map<Node, Long> count(RecordStore store, String query) {
        Map<Node, Long> counts = new LinkedHashMap<>();
        try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(PREFIXES + query).build()) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                counts.put(s.get("v").asNode(), s.getLiteral("n").getLong());
            }
        }
        return counts;
    }

    private static Map<String, Long> strings(Map<Node, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k.getLiteralLexicalForm(), v));
        return out;
    }
}
