package org.dhakira.harvest;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A peer archive to harvest: a short id (used in {@code source:{id}} sets), its name in Arabic and English, its
 * OAI-PMH base URL, the metadata prefix to ask for ({@code rdf} from a peer Dhakira, {@code oai_dc} from any
 * other archive), the sets to harvest (all when empty), how often, and whether it is harvested at all.
 */
public record Peer(String id, String nameAr, String nameEn, URI baseUrl, String metadataPrefix, List<String> sets,
                   Duration every, boolean enabled) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public Peer {
        if (id == null || !ID.matcher(id).matches()) throw new IllegalArgumentException("id must be lower-case letters, digits and '-', was '" + id + "'");
        if (nameAr == null || nameAr.isBlank() || nameEn == null || nameEn.isBlank()) {
            throw new IllegalArgumentException("name needs both \"ar\" and \"en\"");
        }
        if (baseUrl == null || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme())) || baseUrl.getHost() == null
                || baseUrl.getQuery() != null || baseUrl.getFragment() != null) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL without query or fragment, was '" + baseUrl + "'");
        }
        if (metadataPrefix == null || !metadataPrefix.matches("[A-Za-z0-9\\-_.!~*'()]+")) {
            throw new IllegalArgumentException("metadataPrefix is not an OAI-PMH metadata prefix: '" + metadataPrefix + "'");
        }
        sets = List.copyOf(sets);
        if (every == null || every.isNegative() || every.isZero()) throw new IllegalArgumentException("every must be a positive ISO-8601 duration such as PT6H");
    }
}
