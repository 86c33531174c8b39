package org.dhakira.web;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.vocabulary.RDF;

/**
 * A description's graph as Turtle: the thing described first, then each other subject, its predicates grouped and
 * its objects listed, with the graph's prefixes where a name allows one. What Jena's streaming Turtle writer makes
 * of these graphs, at a fraction of its cost: a first read of a record spent a fifth of its time in Jena's node
 * formatting. A graph holding what this writer leaves to Jena (triple terms, literals with a base direction, a
 * language tag it does not recognise) is written by Jena whole.
 *
 * <pre>{@code byte[] body = DescriptionTurtle.write(description.graph(), thingNode);}</pre>
 */
final class DescriptionTurtle {

    /** BCP 47 as Turtle's LANGTAG admits it. */
    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]+(-[a-zA-Z0-9]+)*");
    private static final Node TYPE = RDF.type.asNode();
    private static final Comparator<Node> NODES = DescriptionTurtle::compare;

    private DescriptionTurtle() {}

    /** The graph as UTF-8 Turtle, {@code first}'s statements first. */
    static byte[] write(Graph g, Node first) {
        Optional<byte[]> text = new Text(g.getPrefixMapping().getNsPrefixMap()).graph(g, first);
        if (text.isPresent()) return text.get();
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        RDFWriter.source(g).format(RDFFormat.TURTLE_BLOCKS).output(out);
        return out.toByteArray();
    }

    /** IRIs by their text, then literals by theirs, their language and datatype, then blank nodes by label. */
    private static int compare(Node a, Node b) {
        int kind = Integer.compare(rank(a), rank(b));
        if (kind != 0) return kind;
        if (a.isURI()) return a.getURI().compareTo(b.getURI());
        if (a.isLiteral()) {
            int c = a.getLiteralLexicalForm().compareTo(b.getLiteralLexicalForm());
            if (c == 0) c = a.getLiteralLanguage().compareTo(b.getLiteralLanguage());
            return c != 0 ? c : a.getLiteralDatatypeURI().compareTo(b.getLiteralDatatypeURI());
        }
        return a.toString().compareTo(b.toString());
    }

    private static int rank(Node n) {
        return n.isURI() ? 0 : n.isLiteral() ? 1 : 2;
    }

    /** One writing: the prefixes it used and the blank node labels it gave. */
    private static final class Text {
        private final Map<String, String> prefixByNamespace = new HashMap<>();
        private final Map<String, String> used = new HashMap<>();
        private final Map<Node, String> blanks = new HashMap<>();
        private final Map<String, Boolean> languages = new HashMap<>();
        /** Each IRI as written: the same predicates, types and concepts come again and again. */
        private final Map<Node, byte[]> names = new HashMap<>();
        private final Utf8 body = new Utf8(8192);

        Text(Map<String, String> namespaceByPrefix) {
            // A namespace IRIREF cannot say as it is (a base with a '|', say) is left out: names in it are written whole.
            namespaceByPrefix.forEach((p, ns) -> {
                if (sayable(ns)) prefixByNamespace.put(ns, p);
            });
        }

        private static boolean sayable(String iri) {
            for (int i = 0; i < iri.length(); i++) {
                if (unsafe(iri.charAt(i))) return false;
            }
            return true;
        }

        /** What IRIREF admits only as a UCHAR. */
        private static boolean unsafe(int c) {
            return c <= 0x20 || "<>\"{}|^`\\".indexOf(c) >= 0;
        }

        /** The text as UTF-8, or empty when the graph holds something left to Jena. */
        Optional<byte[]> graph(Graph g, Node first) {
            Map<Node, Map<Node, List<Node>>> grouped = new HashMap<>();
            g.find().forEachRemaining(t -> grouped.computeIfAbsent(t.getSubject(), s -> new HashMap<>())
                    .computeIfAbsent(t.getPredicate(), p -> new ArrayList<>(2)).add(t.getObject()));
            // In an order of their own, not the graph's hashing: the same graph is the same text (and ETag) always.
            Map<Node, Map<Node, List<Node>>> subjects = new LinkedHashMap<>();
            if (grouped.containsKey(first)) subjects.put(first, sorted(grouped.remove(first)));
            List<Node> others = new ArrayList<>(grouped.keySet());
            others.sort(NODES);
            for (Node o : others) subjects.put(o, sorted(grouped.get(o)));
            for (Map.Entry<Node, Map<Node, List<Node>>> s : subjects.entrySet()) {
                body.append('\n');
                if (!resource(s.getKey())) return Optional.empty();
                List<Node> types = s.getValue().remove(TYPE);
                if (types != null) {
                    body.append(" a ");
                    if (!objects(types)) return Optional.empty();
                    if (!s.getValue().isEmpty()) body.append(" ;\n   ");
                }
                String separator = "";
                for (Map.Entry<Node, List<Node>> p : s.getValue().entrySet()) {
                    body.append(separator).append(' ');
                    if (!resource(p.getKey())) return Optional.empty();
                    body.append(' ');
                    if (!objects(p.getValue())) return Optional.empty();
                    separator = " ;\n   ";
                }
                body.append(" .\n");
            }
            Utf8 text = new Utf8(body.length() + 64 * used.size());
            new TreeMap<>(used).forEach((p, ns) -> text.append("@prefix ").append(p).append(": <").append(ns).append("> .\n"));
            return Optional.of(text.append(body).bytes());
        }

        private static Map<Node, List<Node>> sorted(Map<Node, List<Node>> predicates) {
            List<Node> order = new ArrayList<>(predicates.keySet());
            order.sort(NODES);
            Map<Node, List<Node>> sorted = new LinkedHashMap<>();
            for (Node p : order) {
                List<Node> objects = predicates.get(p);
                if (objects.size() > 1) objects.sort(NODES);
                sorted.put(p, objects);
            }
            return sorted;
        }

        private boolean objects(List<Node> objects) {
            String separator = "";
            for (Node o : objects) {
                body.append(separator);
                if (!(o.isLiteral() ? literal(o) : resource(o))) return false;
                separator = " , ";
            }
            return true;
        }

        private boolean resource(Node n) {
            if (n.isBlank()) {
                body.append(blanks.computeIfAbsent(n, b -> "_:b" + blanks.size()));
                return true;
            }
            if (!n.isURI()) return false;
            byte[] name = names.get(n);
            if (name == null) {
                int start = body.length();
                iri(n.getURI());
                names.put(n, body.bytes(start));
            } else {
                body.append(name);
            }
            return true;
        }

        private void iri(String iri) {
            int cut = Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1;
            if (cut > 0 && local(iri, cut)) {
                String namespace = iri.substring(0, cut);
                String prefix = prefixByNamespace.get(namespace);
                if (prefix != null) {
                    if (!used.containsKey(prefix)) used.put(prefix, namespace);
                    body.append(prefix).append(':').append(iri, cut, iri.length());
                    return;
                }
            }
            body.append('<');
            int from = 0;
            for (int i = 0; i < iri.length(); i++) {
                char c = iri.charAt(i);
                // Jena's writer says them so too; raptor refuses them, but no IRI with them passes validation.
                if (unsafe(c)) {
                    body.append(iri, from, i).append(String.format("\\u%04X", (int) c));
                    from = i + 1;
                }
            }
            body.append(iri, from, iri.length()).append('>');
        }

        /**
         * Whether what follows {@code cut} can be the local part of a prefixed name: a conservative subset of Turtle's
         * PN_LOCAL (a letter or '_', then digits, '-' and '.' too, but not a '.' last), or nothing at all.
         */
        private static boolean local(String iri, int cut) {
            for (int i = cut; i < iri.length(); i++) {
                char c = iri.charAt(i);
                boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
                // A digit first is Turtle 1.1's, which parsers of the older Turtle refuse.
                if (letter || (i > cut && ((c >= '0' && c <= '9') || c == '-' || (c == '.' && i < iri.length() - 1)))) continue;
                return false;
            }
            return true;
        }

        private boolean literal(Node l) {
            String language = l.getLiteralLanguage();
            if (l.getLiteralBaseDirection() != null) return false;
            if (!language.isEmpty() && !languages.computeIfAbsent(language, t -> LANGUAGE.matcher(t).matches())) return false;
            body.append('"');
            String s = l.getLiteralLexicalForm();
            int from = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F) continue;
                body.append(s, from, i);
                from = i + 1;
                switch (c) {
                    case '\\' -> body.append("\\\\");
                    case '"' -> body.append("\\\"");
                    case '\n' -> body.append("\\n");
                    case '\r' -> body.append("\\r");
                    case '\t' -> body.append("\\t");
                    default -> body.append(String.format("\\u%04X", (int) c));
                }
            }
            body.append(s, from, s.length());
            body.append('"');
            if (!language.isEmpty()) {
                body.append('@').append(language);
            } else if (!XSDDatatype.XSDstring.getURI().equals(l.getLiteralDatatypeURI())) {
                body.append("^^");
                iri(l.getLiteralDatatypeURI());
            }
            return true;
        }
    }

    /**
     * Turtle as UTF-8 while it is written: a description's Arabic made a {@code StringBuilder} widen itself to
     * UTF-16 and then be encoded whole, a fifth of the writing.
     */
    private static final class Utf8 {
        private byte[] bytes;
        private int length;

        Utf8(int capacity) {
            bytes = new byte[Math.max(16, capacity)];
        }

        int length() {
            return length;
        }

        Utf8 append(char c) {
            if (c < 0x80) {
                room(1);
                bytes[length++] = (byte) c;
                return this;
            }
            return append(String.valueOf(c));
        }

        Utf8 append(String s) {
            return append(s, 0, s.length());
        }

        /** {@code s} from {@code from} to {@code to}; a lone surrogate is '?', as {@link String#getBytes} writes it. */
        Utf8 append(String s, int from, int to) {
            room(3 * (to - from));
            byte[] b = bytes;
            int n = length;
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    b[n++] = (byte) c;
                } else if (c < 0x800) {
                    b[n++] = (byte) (0xC0 | c >> 6);
                    b[n++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    b[n++] = (byte) (0xF0 | cp >> 18);
                    b[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    b[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    b[n++] = (byte) (0x80 | cp & 0x3F);
                } else if (Character.isSurrogate(c)) {
                    b[n++] = '?';
                } else {
                    b[n++] = (byte) (0xE0 | c >> 12);
                    b[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                    b[n++] = (byte) (0x80 | c & 0x3F);
                }
            }
            length = n;
            return this;
        }

        Utf8 append(byte[] more) {
            room(more.length);
            System.arraycopy(more, 0, bytes, length, more.length);
            length += more.length;
            return this;
        }

        Utf8 append(Utf8 more) {
            room(more.length);
            System.arraycopy(more.bytes, 0, bytes, length, more.length);
            length += more.length;
            return this;
        }

        byte[] bytes() {
            return bytes(0);
        }

        /** What was written from {@code start} on. */
        byte[] bytes(int start) {
            return java.util.Arrays.copyOfRange(bytes, start, length);
        }

        private void room(int more) {
            if (length + more > bytes.length) bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
