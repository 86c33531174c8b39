package org.dhakira.harvest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.dhakira.vocab.DataFiles;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads {@code harvest/peers.json}. A mistake is refused with the peer and the field it is in, so that an
 * archive never starts harvesting from a half-read list.
 *
 * <pre>{@code List<Peer> peers = Peers.load(config.dataFiles());}</pre>
 */
public final class Peers {
    private Peers() {}

    public static final String FILE = "harvest/peers.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public static List<Peer> load(DataFiles files) {
        JsonNode root;
        try (InputStream in = files.open(FILE)) {
            root = JSON.readTree(in);
        } catch (IOException e) {
            String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                    + (j.getLocation() != null ? " (line " + j.getLocation().getLineNr() + ")" : "") : e.getMessage();
            throw new IllegalArgumentException(FILE + ": not valid JSON: " + message, e);
        }
        return read(root, FILE);
    }

    private static List<Peer> read(JsonNode root, String file) {
        if (root == null || !root.path("peers").isArray()) throw new IllegalArgumentException(file + ": must be an object with a \"peers\" list");
        List<Peer> peers = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int i = 0;
        for (JsonNode p : root.get("peers")) {
            String where = file + ": peer " + (i++ + 1) + (p.hasNonNull("id") ? " (" + p.get("id").asText() + ")" : "");
            try {
                List<String> sets = new ArrayList<>();
                p.path("sets").forEach(s -> sets.add(s.asText()));
                Peer peer = new Peer(p.path("id").asText(null), p.path("name").path("ar").asText(null), p.path("name").path("en").asText(null),
                        URI.create(required(p, "baseUrl")), p.path("metadataPrefix").asText("oai_dc"), sets,
                        Duration.parse(p.path("every").asText("PT24H")), p.path("enabled").asBoolean(true));
                if (!ids.add(peer.id())) throw new IllegalArgumentException("id '" + peer.id() + "' is used twice");
                peers.add(peer);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where + ": every must be an ISO-8601 duration such as PT6H", e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(peers);
    }

    /** One peer as {@value #FILE} writes it, for the harvest state that remembers the peer last harvested. */
    static com.fasterxml.jackson.databind.node.ObjectNode toJson(Peer p) {
        var n = JSON.createObjectNode();
        n.put("id", p.id());
        n.putObject("name").put("ar", p.nameAr()).put("en", p.nameEn());
        n.put("baseUrl", p.baseUrl().toString());
        n.put("metadataPrefix", p.metadataPrefix());
        var sets = n.putArray("sets");
        p.sets().forEach(sets::add);
        n.put("every", p.every().toString());
        n.put("enabled", p.enabled());
        return n;
    }

    /** The peer {@link #toJson} wrote. */
    static Peer fromJson(JsonNode n) {
        var root = JSON.createObjectNode();
        root.putArray("peers").add(n);
        return read(root, "the harvest state").get(0);
    }

    private static String required(JsonNode p, String field) {
        if (!p.hasNonNull(field)) throw new IllegalArgumentException(field + " is missing");
        return p.get(field).asText();
    }
}
