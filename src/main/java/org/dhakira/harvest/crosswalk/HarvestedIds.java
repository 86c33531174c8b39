package org.dhakira.harvest.crosswalk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.dhakira.store.RecordId;
import org.dhakira.vocab.Kind;

/**
 * The local identity of a record harvested from a peer: {@code document/{peer}~{slug}}, the slug minted from the
 * OAI identifier's local part alone, so that it stays the same across harvests even if the peer renames its
 * repository identifier. A local part that is already a good key is kept as it is; one that must change (other
 * characters, too long, an ending like {@code .xml}) is cleaned and given a short hash of the original, so that two
 * local parts that clean to the same text still get different keys.
 *
 * <pre>{@code HarvestedIds.mint("syrian-archive", "oai:sa.org:item/42") // document/syrian-archive~item-42-3f9c0a1b2d}</pre>
 */
public final class HarvestedIds {
    private HarvestedIds() {}

    /** A peer's id, as {@code harvest/peers.json} allows it. */
    public static final Pattern PEER = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private static final Pattern OAI_SCHEME = Pattern.compile("(?i)oai:[^:]+:(.+)");
    private static final Pattern KEPT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]*");
    private static final Pattern OTHER = Pattern.compile("[^A-Za-z0-9._-]+");
    private static final int HASH_CHARS = 10;

    public static RecordId mint(String peerId, String oaiIdentifier) {
        if (peerId == null || !PEER.matcher(peerId).matches()) {
            throw new IllegalArgumentException("peer id '" + peerId + "' is not valid: lower-case letters, digits and '-', starting with a letter or digit");
        }
        if (oaiIdentifier == null || oaiIdentifier.isBlank()) throw new IllegalArgumentException("a harvested record needs an OAI identifier");
        var m = OAI_SCHEME.matcher(oaiIdentifier.strip());
        String local = m.matches() ? m.group(1) : oaiIdentifier.strip();
        String prefix = peerId + "~";
        int room = 200 - prefix.length();
        String candidate = prefix + local;
        if (KEPT.matcher(local).matches() && local.length() <= room && !local.contains("~") && isKey(candidate)) {
            return new RecordId(Kind.DOCUMENT, candidate);
        }
        // '~' is left out of cleaned slugs so that the one after the peer id stays the only one.
        String cleaned = OTHER.matcher(local).replaceAll("-").replaceAll("-{2,}", "-").replaceAll("^[-._]+|[-._]+$", "");
        String hash = hash(local);
        int keep = Math.max(0, room - hash.length() - 1);
        if (cleaned.length() > keep) cleaned = cleaned.substring(0, keep).replaceAll("[-._]+$", "");
        return new RecordId(Kind.DOCUMENT, prefix + (cleaned.isEmpty() ? hash : cleaned + "-" + hash));
    }

    private static boolean isKey(String key) {
        try {
            new RecordId(Kind.DOCUMENT, key);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String hash(String local) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(local.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
