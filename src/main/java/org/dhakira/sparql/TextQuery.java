package org.dhakira.sparql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.apache.jena.sparql.pfunction.PropertyFunctionBase;
import org.apache.jena.vocabulary.RDFS;
import org.dhakira.index.InvalidQueryException;
import org.dhakira.index.Search;
import org.dhakira.sparql.QueryRefusedException.Reason;
import org.dhakira.store.RecordId;
import org.dhakira.vocab.Arch;

/**
 * {@code text:query}, in the syntax of Jena's text index, answered by the archive's own Lucene index (the one
 * {@code /search} uses, so the two agree):
 *
 * <pre>
 * ?doc text:query "صيدنايا" .
 * ?doc text:query (arch:title "صيدنايا" 10 "lang:ar") .
 * (?doc ?score) text:query (arch:body "mass hangings") .
 * </pre>
 *
 * The object is the words (Lucene syntax, as in a search), optionally after a property that confines them to one
 * field and followed by a limit and a language option ({@code "lang:ar"}: match in Arabic only). The subject is
 * the matching record, optionally with its relevance score. Without a limit every match comes.
 */
final class TextQuery extends PropertyFunctionBase {

    static final String NS = "http://jena.apache.org/text#";
    static final String QUERY = NS + "query";

    /** The properties a query may be confined to, and the search fields ({@code title:} …) they stand for. */
    static final Map<String, String> FIELDS = Map.of(
            Arch.title.getURI(), "title", Arch.name.getURI(), "name", RDFS.label.getURI(), "title",
            Arch.alias.getURI(), "name", Arch.body.getURI(), "body", Arch.summary.getURI(), "body",
            Arch.issuer.getURI(), "issuer", Arch.archiveCode.getURI(), "code");

    private final Search search;
    private final org.dhakira.store.UriSpace uris;

    TextQuery(Search search, org.dhakira.store.UriSpace uris) {
        this.search = search;
        this.uris = uris;
    }

    /** The arguments of one call, with variables already replaced by their values. */
    record Arguments(String words, Optional<String> field, Optional<String> language, int limit) {
        Arguments {
            if (words == null || words.isBlank()) throw refused("the words to look for are empty");
            if (limit < 1) throw refused("the limit must be positive, was " + limit);
        }
    }

    @Override
    public QueryIterator exec(Binding binding, PropFuncArg subject, Node predicate, PropFuncArg object, ExecutionContext context) {
        List<Node> subjects = subject.isList() ? subject.getArgList() : List.of(subject.getArg());
        if (subjects.isEmpty() || subjects.size() > 2) throw refused("the subject is ?doc or (?doc ?score)");
        Arguments args = arguments(object, binding);
        List<Search.Match> matches;
        try {
            matches = search.matches(args.words(), args.field(), args.language(), args.limit());
        } catch (InvalidQueryException e) {
            throw refused(e.getMessage());
        }
        Node doc = value(subjects.get(0), binding);
        Node score = subjects.size() > 1 ? value(subjects.get(1), binding) : null;
        List<Binding> out = new ArrayList<>();
        for (Search.Match m : matches) {
            Node iri = NodeFactory.createURI(uris.iri(RecordId.parse(m.id())));
            Node s = NodeFactory.createLiteralDT(Float.toString(m.score()), XSDDatatype.XSDfloat);
            BindingBuilder b = Binding.builder(binding);
            if (!bind(b, doc, iri)) continue;
            if (score != null && !bind(b, score, s)) continue;
            out.add(b.build());
        }
        return QueryIterPlainWrapper.create(out.iterator(), context);
    }

    /** Binds {@code slot} to {@code value} when it is an unbound variable; else tells whether it already equals it. */
    private static boolean bind(BindingBuilder b, Node slot, Node value) {
        if (Var.isVar(slot)) {
            b.add(Var.alloc(slot), value);
            return true;
        }
        return slot.equals(value);
    }

    /** A variable's value in the binding, or the variable itself when unbound. */
    private static Node value(Node n, Binding binding) {
        if (Var.isVar(n)) {
            Node v = binding.get(Var.alloc(n));
            return v == null ? n : v;
        }
        return n;
    }

    static Arguments arguments(PropFuncArg object, Binding binding) {
        List<Node> list = object.isList() ? object.getArgList() : List.of(object.getArg());
        Optional<String> field = Optional.empty();
        Optional<String> language = Optional.empty();
        String words = null;
        int limit = Integer.MAX_VALUE;
        int i = 0;
        for (Node raw : list) {
            Node n = value(raw, binding);
            if (Var.isVar(n)) throw refused("the argument " + n + " is not bound to a value");
            if (i == 0 && n.isURI()) {
                String f = FIELDS.get(n.getURI());
                if (f == null) {
                    throw refused("<" + n.getURI() + "> is not a property the index knows; use arch:title, arch:name, arch:alias,"
                            + " arch:body, arch:summary, arch:issuer, arch:archiveCode or rdfs:label, or none to look everywhere");
                }
                field = Optional.of(f);
            } else if (words == null && n.isLiteral() && !isInteger(n)) {
                words = n.getLiteralLexicalForm();
            } else if (words != null && isInteger(n)) {
                try {
                    limit = Integer.parseInt(n.getLiteralLexicalForm());
                } catch (NumberFormatException e) {
                    throw refused("the limit " + n.getLiteralLexicalForm() + " is not a number of records");
                }
            } else if (words != null && n.isLiteral() && n.getLiteralLexicalForm().startsWith("lang:")) {
                String l = n.getLiteralLexicalForm().substring(5);
                if (!l.equals("ar") && !l.equals("en")) throw refused("the language option must be lang:ar or lang:en, was " + n.getLiteralLexicalForm());
                language = Optional.of(l);
            } else {
                throw refused("cannot read the argument " + n + "; the object is \"words\" or (property? \"words\" limit? \"lang:ar|en\"?)");
            }
            i++;
        }
        if (words == null) throw refused("the words to look for are missing");
        return new Arguments(words, field, language, limit);
    }

    private static boolean isInteger(Node n) {
        return n.isLiteral() && n.getLiteralDatatype() != null && n.getLiteralDatatype().getURI().startsWith(XSDDatatype.XSD)
                && n.getLiteralLexicalForm().matches("[+-]?\\d+") && !n.getLiteralDatatype().equals(XSDDatatype.XSDstring);
    }

    private static QueryRefusedException refused(String message) {
        return new QueryRefusedException(Reason.BAD_REQUEST, "text:query: " + message);
    }
}
