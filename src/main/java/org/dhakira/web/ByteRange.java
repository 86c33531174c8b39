package org.dhakira.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one byte range a {@code Range} header asks of a file of {@code size} bytes (RFC 9110 §14): {@code bytes=a-b},
 * {@code bytes=a-} or the last n bytes {@code bytes=-n}. A header that is not one such range is ignored, as the
 * RFC allows, and the whole file is sent; a range past the end is unsatisfiable (416).
 *
 * <pre>{@code ByteRange.parse("bytes=0-99", 1000) // Optional[ByteRange[first=0, last=99]]}</pre>
 */
record ByteRange(long first, long last) {

    private static final Pattern ONE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    static Optional<ByteRange> parse(String header, long size) {
        if (header == null) return Optional.empty();
        Matcher m = ONE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) return Optional.empty();
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                return Optional.of(new ByteRange(Math.max(0, size - suffix), suffix == 0 ? -1 : size - 1));
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first) return Optional.empty();
            return Optional.of(new ByteRange(first, last));
        } catch (NumberFormatException tooLong) {
            return Optional.empty();
        }
    }

    /** Whether the range holds at least one byte of the file. */
    boolean satisfiable(long size) {
        return first < size && first <= last;
    }

    long length() {
        return last - first + 1;
    }

    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }
}
