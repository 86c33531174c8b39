package org.dhakira.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.EntityTag;

/**
 * An {@code If-Match} header as the write API reads it (RFC 9110 §13.1.1): absent (no condition), {@code *} (the
 * record exists), or a list of entity tags compared strongly with the record's version tag {@code "N"}, N its last
 * change. Weak tags and tags that are not versions of this archive match nothing.
 *
 * <pre>{@code IfMatch.parse("\"17\"").admits(17, true) // true}</pre>
 */
record IfMatch(Optional<List<String>> tags) {

    static final IfMatch NONE = new IfMatch(Optional.empty());

    IfMatch {
        tags = tags.map(List::copyOf);
    }

    static IfMatch parse(String header) {
        if (header == null) return NONE;
        List<String> tags = new ArrayList<>();
        for (String part : header.split(",")) {
            String t = part.strip();
            if (!t.isEmpty()) tags.add(t);
        }
        return new IfMatch(Optional.of(tags));
    }

    /** The version tag of a record whose last change is {@code sequence}. */
    static EntityTag tag(long sequence) {
        return new EntityTag(Long.toString(sequence));
    }

    /** Whether a write may go ahead on a record at {@code lastChange} (0: none), live or not. */
    boolean admits(long lastChange, boolean live) {
        if (tags.isEmpty()) return true;
        for (String t : tags.get()) {
            if (t.equals("*") && live) return true;
            if (live && t.equals("\"" + lastChange + "\"")) return true;
        }
        return false;
    }

    @Override
    public String toString() {
        return tags.map(t -> String.join(", ", t)).orElse("(none)");
    }
}
