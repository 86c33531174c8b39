package org.dhakira.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Reads sloppy request headers the way robust servers do instead of letting Jersey answer 400 or fail with 500:
 * an {@code Accept} keeps its readable ranges (clients send {@code q=oops} or a bare word beside good ones), and
 * an {@code If-None-Match} or {@code If-Match} that is not a list of entity tags is ignored, as an unreadable
 * {@code If-Modified-Since} already is. Headers Jersey can read are left as they are.
 *
 * <pre>{@code resources.register(new LenientHeaders());}</pre>
 */
@PreMatching
public final class LenientHeaders implements ContainerRequestFilter {

    /** RFC 9110 §8.8.3: {@code *}, or entity tags ({@code "x"}, {@code W/"x"}) separated by commas. */
    private static final String TAG = "(W/)?\"[\\x21\\x23-\\x7e\\x80-\\xff]*\"";
    static final Pattern ONE_TAG = Pattern.compile(TAG);

    /**
     * The tags of an {@code If-None-Match} or {@code If-Match} list ({@code ["*"]} for {@code *}), or empty when the
     * header is not one. Empty list elements are allowed (RFC 9110 §5.6.1: {@code "a", , "b",}). Read a tag at a
     * time: one pattern over the whole list recursed once a tag and overflowed the stack on a 16-KB header.
     */
    static Optional<List<String>> entityTags(String header) {
        if (header.strip().equals("*")) return Optional.of(List.of("*"));
        List<String> tags = new ArrayList<>();
        Matcher m = ONE_TAG.matcher(header);
        int at = 0;
        while (m.find()) {
            if (!separator(header, at, m.start(), !tags.isEmpty())) return Optional.empty();
            tags.add(m.group());
            at = m.end();
        }
        if (tags.isEmpty() || !separator(header, at, header.length(), false)) return Optional.empty();
        return Optional.of(tags);
    }

    /** Whether only spaces and commas lie between {@code from} and {@code to}, a comma among them if {@code comma}. */
    private static boolean separator(String s, int from, int to, boolean comma) {
        boolean seen = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == ',') seen = true;
            else if (c != ' ' && c != '\t') return false;
        }
        return seen || !comma;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.ACCEPT);
        if (header != null) {
            try {
                request.getAcceptableMediaTypes();
            } catch (RuntimeException unreadable) {
                String readable = AcceptHeader.parse(header).ranges().stream()
                        .map(r -> r.type() + "/" + r.subtype() + ";q=" + r.q())
                        .collect(Collectors.joining(", "));
                request.getHeaders().putSingle(HttpHeaders.ACCEPT, readable);
            }
        }
        for (String condition : new String[] {HttpHeaders.IF_NONE_MATCH, HttpHeaders.IF_MATCH}) {
            String tags = request.getHeaderString(condition);
            if (tags == null) continue;
            Optional<List<String>> read = entityTags(tags);
            if (read.isEmpty()) {
                request.getHeaders().remove(condition);
            } else if (!read.get().equals(List.of("*"))) {
                // Jersey reads no empty elements: the same tags, one comma apart. Nor a backslash, which its reader
                // takes for an escape and fails on (a 500); no tag of this archive has one, so such a tag is dropped.
                List<String> list = read.get().stream().filter(t -> t.indexOf('\\') < 0).toList();
                if (list.isEmpty()) request.getHeaders().remove(condition);
                else request.getHeaders().putSingle(condition, String.join(", ", list));
            }
        }
    }
}
