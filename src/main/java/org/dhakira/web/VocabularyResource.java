package org.dhakira.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.SKOS;
import org.dhakira.vocab.Vocabulary;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * {@code /vocab}: the archive vocabulary, the local home of its fixed namespace {@code https://w3id.org/dhakira/vocab#}
 * (hash URIs, so {@code {base}vocab#title} is the term {@code arch:title}), as a bilingual HTML reference or as
 * RDF, negotiated from {@code Accept} or named by extension ({@code /vocab.ttl}, {@code .jsonld}, {@code .rdf},
 * {@code .nt}, {@code .html}). The SKOS schemes have their own documents, {@code /vocab/document-type} and
 * {@code /vocab/reliability}; a concept's path {@code /vocab/reliability/authentic} answers 303 See Other to its
 * place in its scheme's document, which describes it.
 */
@Path("/")
public final class VocabularyResource {

    private static final String EXTENSIONS = "html|ttl|jsonld|rdf|nt";

    private final Vocabulary vocabulary;
    private final String base;
    private final Templates templates;
    private final VocabularyView view;
    /** Each document in each format (and language), rendered once: the vocabulary does not change while the server runs. */
    private final Map<String, byte[]> rendered = new ConcurrentHashMap<>();

    public VocabularyResource(Vocabulary vocabulary, String base, Templates templates) {
        this.vocabulary = vocabulary;
        this.base = base;
        this.templates = templates;
        this.view = new VocabularyView(vocabulary, base);
    }

    @GET
    @Path("vocab")
    public Response reference(@Context Request request, @QueryParam("lang") String lang, @HeaderParam("Accept-Language") String acceptLanguage,
                              @HeaderParam("Accept") String accept) {
        return negotiated(request, accept, "vocab", lang, acceptLanguage);
    }

    @GET
    @Path("vocab.{ext: " + EXTENSIONS + "}")
    public Response referenceAs(@PathParam("ext") String ext, @Context Request request, @QueryParam("lang") String lang,
                                @HeaderParam("Accept-Language") String acceptLanguage) {
        return as(request, "vocab", ext, lang, acceptLanguage);
    }

    @GET
    @Path("vocab/{scheme: [a-z-]+}")
    public Response scheme(@PathParam("scheme") String scheme, @Context Request request, @QueryParam("lang") String lang,
                           @HeaderParam("Accept-Language") String acceptLanguage, @HeaderParam("Accept") String accept) {
        if (findScheme(scheme).isEmpty()) return notFound();
        return negotiated(request, accept, "vocab/" + scheme, lang, acceptLanguage);
    }

    @GET
    @Path("vocab/{scheme: [a-z-]+}.{ext: " + EXTENSIONS + "}")
    public Response schemeAs(@PathParam("scheme") String scheme, @PathParam("ext") String ext, @Context Request request,
                             @QueryParam("lang") String lang, @HeaderParam("Accept-Language") String acceptLanguage) {
        if (findScheme(scheme).isEmpty()) return notFound();
        return as(request, "vocab/" + scheme, ext, lang, acceptLanguage);
    }

    /** A concept's own path: it is a thing, not a document, so 303 to the document that describes it. */
    @GET
    @Path("vocab/{scheme: [a-z-]+}/{concept}")
    public Response concept(@PathParam("scheme") String scheme, @PathParam("concept") String concept) {
        Optional<Node> s = findScheme(scheme);
        if (s.isEmpty() || view.concepts(s.get()).stream().noneMatch(c -> c.getURI().equals(s.get().getURI() + concept))) {
            return notFound();
        }
        return Response.seeOther(URI.create(base + "vocab/" + scheme + "#" + concept)).build();
    }

    private Response negotiated(Request request, String accept, String path, String lang, String acceptLanguage) {
        Alternates doc = new Alternates(base + path);
        Optional<Representation> f = Representation.preferred(AcceptHeader.parse(accept));
        if (f.isEmpty()) return doc.notAcceptable();
        return doc.answer(request, f.get(), body(path, f.get(), lang, acceptLanguage), true);
    }

    private Response as(Request request, String path, String ext, String lang, String acceptLanguage) {
        Representation f = Representation.byEnding(ext).orElseThrow();
        return new Alternates(base + path).answer(request, f, body(path, f, lang, acceptLanguage), false);
    }

    private byte[] body(String path, Representation f, String lang, String acceptLanguage) {
        if (f == Representation.HTML) {
            String ui = SearchResource.uiLanguage(lang, acceptLanguage);
            return rendered.computeIfAbsent(path + ".html." + ui, k -> Alternates.utf8(html(path, ui)));
        }
        return rendered.computeIfAbsent(path + "." + f.ending(), k -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RDFWriter.source(graph(path)).format(f.rdf().orElseThrow()).output(out);
            return out.toByteArray();
        });
    }

    private String html(String path, String ui) {
        Map<String, Object> v = path.equals("vocab") ? view.reference(ui)
                : view.schemePage(findScheme(path.substring("vocab/".length())).orElseThrow(), ui);
        String page = "/" + path;
        v.putAll(PageFrame.at(page, ui, "").view());
        v.put("alternates", Alternates.offers(page));
        return templates.render("vocab", v);
    }

    /** The vocabulary (ontology and schemes) for {@code vocab}; one scheme and its concepts for {@code vocab/{scheme}}. */
    Graph graph(String path) {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefixes(vocabulary.ontology().getPrefixMapping());
        g.getPrefixMapping().setNsPrefixes(vocabulary.schemes().getPrefixMapping());
        if (path.equals("vocab")) {
            vocabulary.ontology().find().forEach(g::add);
            vocabulary.schemes().find().forEach(g::add);
            return g;
        }
        Node scheme = findScheme(path.substring("vocab/".length())).orElseThrow();
        vocabulary.schemes().find(scheme, Node.ANY, Node.ANY).forEach(g::add);
        for (Triple t : vocabulary.schemes().find(Node.ANY, SKOS.inScheme.asNode(), scheme).toList()) {
            vocabulary.schemes().find(t.getSubject(), Node.ANY, Node.ANY).forEach(g::add);
        }
        return g;
    }

    private Optional<Node> findScheme(String name) {
        return view.schemes().stream().filter(s -> VocabularyView.schemeName(s).equals(name)).findFirst();
    }

    private static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).type("text/plain;charset=utf-8")
                .entity("The vocabulary has no such term or scheme; see /vocab.\n").build();
    }
}
