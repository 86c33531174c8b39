package org.dhakira.sparql;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * The SPARQL 1.1 Service Description of the endpoint, what {@code /sparql} answers to an RDF request without a
 * query: where it is, the language and formats it speaks, its features (the union default graph, full text), and
 * the archive as a VoID dataset whose SPARQL endpoint it is.
 *
 * <pre>{@code Graph sd = ServiceDescription.of(endpoint, requestUrl);}</pre>
 */
public final class ServiceDescription {
    private ServiceDescription() {}

    static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    static final String FORMATS = "http://www.w3.org/ns/formats/";
    static final String VOID = "http://rdfs.org/ns/void#";
    static final String DCTERMS = "http://purl.org/dc/terms/";

    /**
     * The description; the service is named by the archive's own endpoint URL ({base}sparql), and also by
     * {@code requestedAt} when a client reached it under another (a proxy, localhost).
     */
    public static Graph of(SparqlEndpoint endpoint, String requestedAt) {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefix("sd", SD).setNsPrefix("formats", FORMATS).setNsPrefix("void", VOID)
                .setNsPrefix("dcterms", DCTERMS).setNsPrefix("text", TextQuery.NS);
        String own = endpoint.base() + "sparql";
        Node service = NodeFactory.createBlankNode();
        add(g, service, RDF.type.asNode(), uri(SD + "Service"));
        add(g, service, uri(SD + "endpoint"), uri(own));
        if (!requestedAt.equals(own)) add(g, service, uri(SD + "endpoint"), uri(requestedAt));
        add(g, service, uri(SD + "supportedLanguage"), uri(SD + "SPARQL11Query"));
        for (String f : new String[] {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                "Turtle", "JSON-LD", "RDF_XML", "N-Triples"}) {
            add(g, service, uri(SD + "resultFormat"), uri(FORMATS + f));
        }
        add(g, service, uri(SD + "feature"), uri(SD + "UnionDefaultGraph"));
        if (!endpoint.policy().allowedServices().isEmpty()) add(g, service, uri(SD + "feature"), uri(SD + "BasicFederatedQuery"));
        Node text = uri(TextQuery.QUERY);
        add(g, service, uri(SD + "feature"), text);
        add(g, text, RDF.type.asNode(), uri(SD + "Feature"));
        add(g, text, uri(DCTERMS + "description"), NodeFactory.createLiteralLang(
                "Full-text search over the archive's own index: ?doc text:query (arch:title \"words\" limit \"lang:ar\")", "en"));
        Node dataset = uri(endpoint.base());
        add(g, service, uri(SD + "defaultDataset"), dataset);
        add(g, dataset, RDF.type.asNode(), uri(SD + "Dataset"));
        add(g, dataset, RDF.type.asNode(), uri(VOID + "Dataset"));
        add(g, dataset, uri(VOID + "sparqlEndpoint"), uri(own));
        Node defaultGraph = NodeFactory.createBlankNode();
        add(g, dataset, uri(SD + "defaultGraph"), defaultGraph);
        add(g, defaultGraph, RDF.type.asNode(), uri(SD + "Graph"));
        add(g, defaultGraph, uri(DCTERMS + "description"), NodeFactory.createLiteralLang(
                "The union of every record's named graph; each record is also a named graph, named by its URI", "en"));
        return g;
    }

    /**
     * The archive as a VoID dataset, what {@code /.well-known/void} answers: its URI space, its vocabulary and its
     * SPARQL endpoint, so that crawlers and federated query planners find the endpoint from the dataset.
     */
    public static Graph voidDataset(SparqlEndpoint endpoint) {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefix("void", VOID).setNsPrefix("dcterms", DCTERMS);
        Node dataset = uri(endpoint.base());
        add(g, dataset, RDF.type.asNode(), uri(VOID + "Dataset"));
        add(g, dataset, uri(VOID + "sparqlEndpoint"), uri(endpoint.base() + "sparql"));
        add(g, dataset, uri(VOID + "uriSpace"), NodeFactory.createLiteralString(endpoint.base() + "id/"));
        add(g, dataset, uri(VOID + "vocabulary"), uri(org.dhakira.vocab.Arch.NS));
        add(g, dataset, uri(DCTERMS + "title"), NodeFactory.createLiteralLang("ذاكرة", "ar"));
        add(g, dataset, uri(DCTERMS + "title"), NodeFactory.createLiteralLang("Dhakira", "en"));
        return g;
    }

    private static Node uri(String s) {
        return NodeFactory.createURI(s);
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(Triple.create(s, p, o));
    }
}
