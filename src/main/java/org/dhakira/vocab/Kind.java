package org.dhakira.vocab;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;

/** The kinds of thing the archive holds; each is a path segment of its URIs and a class of the vocabulary. */
public enum Kind {
    DOCUMENT("document", Arch.Document),
    ORGANISATION("organisation", Arch.Organisation),
    PERSON("person", Arch.Person),
    EVENT("event", Arch.Event),
    PLACE("place", Arch.Place);

    private final String segment;
    private final Node type;

    Kind(String segment, Node type) {
        this.segment = segment;
        this.type = type;
    }

    /** The name used in URIs ({@code /id/document/…}) and in the JSON {@code kind} field. */
    public String segment() {
        return segment;
    }

    /** The vocabulary class of records of this kind. */
    public Node type() {
        return type;
    }

    public static Optional<Kind> fromSegment(String segment) {
        return Arrays.stream(values()).filter(k -> k.segment.equals(segment)).findFirst();
    }

    /** "document, organisation, …" for error messages. */
    public static String segments() {
        return Arrays.stream(values()).map(Kind::segment).collect(Collectors.joining(", "));
    }
}
