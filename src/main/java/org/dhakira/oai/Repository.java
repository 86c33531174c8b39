package org.dhakira.oai;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.dhakira.store.RecordId;

/**
 * What Identify says of the archive, and how its OAI identifiers are made:
 * {@code oai:{identifier}:{kind}/{key}}.
 *
 * @param baseUrl  the provider's base URL, {@code {base}oai}
 * @param friends  base URLs of the peer archives, for the friends description
 */
public record Repository(String name, String identifier, String adminEmail, String baseUrl, int pageSize,
                         String license, List<String> friends) {

    /** The oai-identifier scheme's repositoryIdentifier: a domain name. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z][a-zA-Z0-9\\-]*(\\.[a-zA-Z][a-zA-Z0-9\\-]*)+");
    private static final Pattern EMAIL = Pattern.compile("\\S+@(\\S+\\.)+\\S+");

    public Repository {
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException("oai.identifier must be a domain name such as archive.example.org, was '" + identifier + "'");
        }
        if (!EMAIL.matcher(adminEmail).matches()) throw new IllegalArgumentException("oai.adminEmail is not an email address: '" + adminEmail + "'");
        if (pageSize < 1) throw new IllegalArgumentException("oai.pageSize must be positive");
        friends = List.copyOf(friends);
    }

    /**
     * The repository of an archive with base URI {@code base}: an unset identifier is the base's host name when
     * that is a domain name (else {@code dhakira.local}), an unset email {@code archivist@{identifier}}.
     */
    public static Repository of(String name, Optional<String> identifier, Optional<String> adminEmail, String base,
                                int pageSize, String license, List<String> friends) {
        String host = java.net.URI.create(base).getHost();
        String id = identifier.orElse(host != null && IDENTIFIER.matcher(host).matches() ? host : "dhakira.local");
        return new Repository(name, id, adminEmail.orElse("archivist@" + id), base + "oai", pageSize, license, friends);
    }

    /** {@code oai:archive.example.org:document/x} */
    public String oaiIdentifier(RecordId id) {
        return "oai:" + identifier + ":" + id.path();
    }

    /** The record an OAI identifier names, if it is one of ours and well formed. */
    public Optional<RecordId> recordId(String oaiIdentifier) {
        String prefix = "oai:" + identifier + ":";
        if (!oaiIdentifier.startsWith(prefix)) return Optional.empty();
        try {
            return Optional.of(RecordId.parse(oaiIdentifier.substring(prefix.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
