package org.dhakira;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dhakira.store.RecordId;

/**
 * What an archive answers at every door, as one map from request to answer (status, the validators, and the body),
 * for comparing two archives that should be the same: an original and its restored backup, say. OAI lists are
 * followed to their end; the one thing allowed to differ, the moment of the response ({@code responseDate}), is
 * left out.
 */
public final class DoorAnswers {
    private DoorAnswers() {}

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern RESPONSE_DATE = Pattern.compile("<responseDate>[^<]*</responseDate>");
    private static final Pattern RDF_XML = Pattern.compile("<rdf:RDF[\\s>][\\s\\S]*?</rdf:RDF>");
    private static final Pattern DUMP_FILE = Pattern.compile("(?m)^<[^>]*/dumps/dhakira\\.nq\\.gz> <(http://purl\\.org/dc/terms/modified|http://www\\.w3\\.org/ns/dcat#byteSize)> .*$");
    private static final Pattern TOKEN = Pattern.compile("<resumptionToken[^>]*>([^<]+)</resumptionToken>");

    /** The answers of the server at {@code server} about {@code records} and the archive as a whole. */
    public static Map<String, String> of(URI server, List<RecordId> records) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        for (RecordId id : records) {
            for (String ending : List.of(".ttl", ".jsonld", ".html")) ask(answers, server, "doc/" + id.path() + ending, "*/*");
            ask(answers, server, "oai?verb=GetRecord&metadataPrefix=rdf&identifier=oai:archive.test:" + id.path(), "*/*");
        }
        for (String prefix : List.of("oai_dc", "rdf")) {
            String path = "oai?verb=ListRecords&metadataPrefix=" + prefix;
            while (path != null) {
                String body = ask(answers, server, path, "*/*");
                Matcher m = TOKEN.matcher(body);
                path = m.find() ? "oai?verb=ListRecords&resumptionToken=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8) : null;
            }
        }
        ask(answers, server, "oai?verb=ListIdentifiers&metadataPrefix=oai_dc&set=kind:document", "*/*");
        ask(answers, server, "oai?verb=ListSets", "*/*");
        ask(answers, server, "oai?verb=Identify", "*/*");
        for (String query : List.of(
                "SELECT ?g ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g ?s ?p ?o",
                "SELECT ?type (COUNT(?doc) AS ?n) { ?doc a ?type } GROUP BY ?type ORDER BY ?type",
                "PREFIX text: <http://jena.apache.org/text#> SELECT ?doc { ?doc text:query \"Syria\" } ORDER BY ?doc")) {
            ask(answers, server, "sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), "application/sparql-results+json");
        }
        for (String search : List.of("q=", "q=Syria&sort=newest", "q=%D8%B3%D9%88%D8%B1%D9%8A%D8%A9", "q=&kind=organisation&size=100",
                "q=&type=press-statement&sort=oldest")) {
            ask(answers, server, "search.json?" + search, "application/json");
        }
        ask(answers, server, "sitemap/1.xml", "*/*");
        ask(answers, server, ".well-known/void", "text/turtle");
        return answers;
    }

    private static String ask(Map<String, String> answers, URI server, String path, String accept) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
        String body = RESPONSE_DATE.matcher(r.body()).replaceAll("<responseDate/>");
        String type = r.headers().firstValue("Content-Type").orElse("");
        org.apache.jena.riot.Lang lang = org.apache.jena.riot.RDFLanguages.contentTypeToLang(type.replaceFirst(";.*", ""));
        if (lang != null && org.apache.jena.riot.RDFLanguages.isTriples(lang)) body = statements(body, lang);
        // OAI's native format carries each record's graph as RDF/XML: compared as statements too.
        body = RDF_XML.matcher(body).replaceAll(m -> Matcher.quoteReplacement(statements(m.group(), org.apache.jena.riot.Lang.RDFXML)));
        // The dump is rewritten on each start, at its own moment and compressed from the store's order: not the archive's answer.
        body = DUMP_FILE.matcher(body).replaceAll("");
        // The ETag is a digest of the bytes, which follow the store's order of statements: left out (see statements()).
        answers.put(path, r.statusCode() + " " + r.headers().firstValue("Last-Modified").orElse("-") + "\n" + body);
        return r.body();
    }

    /**
     * An RDF answer as its sorted statements. A restored store assigns its node ids afresh, so a description lists
     * the same statements in another order (and so has another digest ETag): the same answer to any RDF reader.
     */
    private static String statements(String body, org.apache.jena.riot.Lang lang) {
        org.apache.jena.graph.Graph g = org.apache.jena.riot.RDFParser.fromString(body, lang).toGraph();
        java.io.StringWriter out = new java.io.StringWriter();
        org.apache.jena.riot.RDFDataMgr.write(out, g, org.apache.jena.riot.Lang.NTRIPLES);
        return out.toString().lines().sorted().collect(java.util.stream.Collectors.joining("\n"));
    }
}
