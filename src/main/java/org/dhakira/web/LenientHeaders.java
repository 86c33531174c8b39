package org.dhakira.web;

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
    /** Empty list elements are allowed (RFC 9110 §5.6.1: {@code "a", , "b",}). */
    static final Pattern ENTITY_TAGS = Pattern.compile("\\s*(\\*|[\\s,]*" + TAG + "([\\s,]*,[\\s,]*" + TAG + ")*[\\s,]*)\\s*");

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
            if (!ENTITY_TAGS.matcher(tags).matches()) {
                request.getHeaders().remove(condition);
            } else if (!tags.trim().equals("*")) {
                // Jersey reads no empty elements: the same tags, one comma apart.
                java.util.regex.Matcher m = ONE_TAG.matcher(tags);
                java.util.List<String> list = new java.util.ArrayList<>();
                while (m.find()) list.add(m.group());
                request.getHeaders().putSingle(condition, String.join(", ", list));
            }
        }
    }
}
