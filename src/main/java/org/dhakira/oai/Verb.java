package org.dhakira.oai;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The six verbs, with the arguments each requires and allows (OAI-PMH 2.0, section 4). */
public enum Verb {
    GetRecord(Set.of("identifier", "metadataPrefix"), Set.of()),
    Identify(Set.of(), Set.of()),
    ListIdentifiers(Set.of("metadataPrefix"), Set.of("from", "until", "set")),
    ListMetadataFormats(Set.of(), Set.of("identifier")),
    ListRecords(Set.of("metadataPrefix"), Set.of("from", "until", "set")),
    ListSets(Set.of(), Set.of());

    final Set<String> required;
    final Set<String> optional;

    Verb(Set<String> required, Set<String> optional) {
        this.required = required;
        this.optional = optional;
    }

    /** Whether the verb may be resumed with a resumptionToken (as its only argument). */
    boolean resumable() {
        return this == ListIdentifiers || this == ListRecords || this == ListSets;
    }

    static Optional<Verb> named(String name) {
        return Arrays.stream(values()).filter(v -> v.name().equals(name)).findFirst();
    }
}
