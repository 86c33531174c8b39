package org.dhakira.web;

import java.nio.ByteBuffer;
import java.util.Optional;

import org.eclipse.jetty.http.DateGenerator;
import org.eclipse.jetty.http.DateParser;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The descriptions' door straight on Jetty: {@code GET} and {@code HEAD} of {@code /doc/{kind}/{file}} answered from
 * {@link DescriptionAnswers} without going through Jersey, whose routing, injection and header conversion took half
 * of a description's time when it was held made, and a sixth when it was made anew. The bytes and headers are those
 * Jersey sends for the same request ({@code DescriptionDoorTest} compares them), plus a {@code Content-Length}.
 *
 * <p>What it does not take, Jersey answers as before, through {@link RecordResource}: other paths (a trailing
 * slash's redirect among them) and methods, a request with a body, a URI longer than the archive takes (414), a
 * path with escapes or parameters, a query that does not parse or holds what Jersey's URI escapes, a header it reads
 * sent twice, a date not in RFC 9110's one format, entity tags with escapes, {@code If-Match},
 * {@code If-Unmodified-Since} and ranges, and any {@code Accept-Encoding} but {@code identity} (compression is
 * Jersey's).
 *
 * <pre>{@code jetty.setHandler(new DescriptionDoor(jerseyHandler, answers, 8192));}</pre>
 */
public final class DescriptionDoor extends Handler.Wrapper {

    /** The headers the door reads. */
    private static final HttpHeader[] READ = {HttpHeader.ACCEPT, HttpHeader.ACCEPT_LANGUAGE, HttpHeader.ACCEPT_ENCODING,
            HttpHeader.IF_NONE_MATCH, HttpHeader.IF_MODIFIED_SINCE};
    /** RFC 9110 §5.6.7's IMF-fixdate, such as {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    private static final java.util.regex.Pattern IMF_FIXDATE = java.util.regex.Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");

    private final DescriptionAnswers answers;
    private final int maxUriLength;

    /** @param maxUriLength the longest URI (path and query) the archive takes, as {@link RequestLimits} counts it */
    public DescriptionDoor(Handler next, DescriptionAnswers answers, int maxUriLength) {
        super(next);
        this.answers = answers;
        this.maxUriLength = maxUriLength;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Optional<Target> target = taken(request);
        if (target.isEmpty()) return super.handle(request, response, callback);
        String lang;
        try {
            Fields query = Request.extractQueryParameters(request);
            lang = query.getValue("lang");
        } catch (RuntimeException unreadable) {
            return super.handle(request, response, callback);
        }
        HttpFields in = request.getHeaders();
        DescriptionAnswers.Answer a;
        try {
            a = answers.answer(target.get().kind(), target.get().file(), lang, in.get(HttpHeader.ACCEPT), in.get(HttpHeader.ACCEPT_LANGUAGE));
        } catch (RuntimeException failed) {
            // Nothing is sent yet: Jersey asks again and answers a failure as every other door's (a 500 that says so).
            return super.handle(request, response, callback);
        }

        HttpFields.Mutable out = response.getHeaders();
        boolean notModified = false;
        if (a.rendition().isPresent()) {
            Renditions.Rendition made = a.rendition().get();
            String etag = "W/\"" + made.etag() + "\"";
            notModified = !made.deleted() && unchanged(in, etag, made);
            out.put(HttpHeader.ETAG, etag);
            out.put(HttpHeader.LAST_MODIFIED, DateGenerator.formatDate(made.lastModified().toEpochMilli()));
        }
        for (DescriptionAnswers.Header h : a.headers()) out.add(h.name(), h.value());
        // What the filters of Jersey's door add: EncodingFilter's Vary to what has a body, NoSniff's, CrossOrigin's.
        if (!notModified) out.add(HttpHeader.VARY, "Accept-Encoding");
        out.put("X-Content-Type-Options", "nosniff");
        out.put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        out.put(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, CrossOrigin.EXPOSED);
        if (notModified) {
            response.setStatus(304);
            response.write(true, null, callback);
            return true;
        }
        response.setStatus(a.status());
        out.put(HttpHeader.CONTENT_TYPE, a.contentType());
        out.put(HttpHeader.CONTENT_LENGTH, a.body().length);
        boolean head = HttpMethod.HEAD.is(request.getMethod());
        response.write(true, head ? null : ByteBuffer.wrap(a.body()), callback);
        return true;
    }

    /** What {@code /doc/{kind}/{file}} names. */
    private record Target(String kind, String file) {}

    /** The kind and file of a request this door takes, or empty for Jersey's. */
    private Optional<Target> taken(Request request) {
        String method = request.getMethod();
        if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) return Optional.empty();
        String path = request.getHttpURI().getPath();
        if (path == null || !path.startsWith("/doc/")) return Optional.empty();
        String query = request.getHttpURI().getQuery();
        if (path.length() + (query == null ? 0 : query.length() + 1) > maxUriLength) return Optional.empty();
        int slash = path.indexOf('/', 5);
        if (slash < 6 || slash == path.length() - 1 || path.indexOf('/', slash + 1) >= 0) return Optional.empty();
        if (path.indexOf('%') >= 0 || path.indexOf(';') >= 0) return Optional.empty();
        // Characters Jersey's request URI refuses (400) or escapes before RequestLimits counts them.
        if (query != null && query.chars().anyMatch(c -> c <= ' ' || "<>\"{}|\\^`".indexOf(c) >= 0)) return Optional.empty();
        HttpFields h = request.getHeaders();
        for (HttpHeader passed : new HttpHeader[] {HttpHeader.CONTENT_LENGTH, HttpHeader.TRANSFER_ENCODING, HttpHeader.IF_MATCH,
                HttpHeader.IF_UNMODIFIED_SINCE, HttpHeader.IF_RANGE, HttpHeader.RANGE}) {
            HttpField f = h.getField(passed);
            if (f != null && !(passed == HttpHeader.CONTENT_LENGTH && f.getValue().strip().equals("0"))) return Optional.empty();
        }
        // Jersey reads a header sent twice as one list; the door reads one line of each.
        for (HttpHeader read : READ) {
            if (h.getValuesList(read).size() > 1) return Optional.empty();
        }
        String encoding = h.get(HttpHeader.ACCEPT_ENCODING);
        if (encoding != null && !encoding.strip().equalsIgnoreCase("identity")) return Optional.empty();
        // Tags with a backslash, which LenientHeaders drops for Jersey.
        String tags = h.get(HttpHeader.IF_NONE_MATCH);
        if (tags != null && tags.indexOf('\\') >= 0) return Optional.empty();
        // Dates as RFC 9110 has senders write them; Jersey reads two older forms and no others, Jetty many more.
        String since = h.get(HttpHeader.IF_MODIFIED_SINCE);
        if (since != null && !since.isEmpty() && !IMF_FIXDATE.matcher(since).matches()) return Optional.empty();
        return Optional.of(new Target(path.substring(5, slash), path.substring(slash + 1)));
    }

    /**
     * Whether the request's conditions say the client holds this description (RFC 9110 §13.2.2, as Jersey's
     * {@code evaluatePreconditions} reads them): an {@code If-None-Match} naming its tag, compared weakly, or else
     * an {@code If-Modified-Since} no earlier than its date, once that date is settled. A condition that does not
     * parse is no condition (as {@link LenientHeaders} has it for Jersey).
     */
    private static boolean unchanged(HttpFields in, String etag, Renditions.Rendition made) {
        boolean settled = DescriptionAnswers.settled(made);
        String tags = in.get(HttpHeader.IF_NONE_MATCH);
        Optional<java.util.List<String>> read = tags == null ? Optional.empty() : LenientHeaders.entityTags(tags);
        if (read.isPresent()) {
            if (!tagged(read.get(), etag)) return false;
            // A matching tag and an If-Modified-Since that says modified: the date has the last word, as in Jersey.
            String since = in.get(HttpHeader.IF_MODIFIED_SINCE);
            return !settled || since == null || since.isEmpty() || notModifiedSince(since, made) == Boolean.TRUE;
        }
        String since = in.get(HttpHeader.IF_MODIFIED_SINCE);
        return settled && since != null && notModifiedSince(since, made) == Boolean.TRUE;
    }

    private static boolean tagged(java.util.List<String> tags, String etag) {
        String opaque = etag.substring(2);
        for (String t : tags) {
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(opaque)) return true;
        }
        return false;
    }

    /** True or false as the date says, null when it does not parse. */
    private static Boolean notModifiedSince(String since, Renditions.Rendition made) {
        long date = DateParser.parseDate(since);
        if (date < 0) return null;
        return made.lastModified().toEpochMilli() <= date;
    }
}
