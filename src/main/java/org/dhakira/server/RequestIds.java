package org.dhakira.server;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Gives every request an id, {@code X-Request-Id}: the client's own when it sends a sensible one (a proxy's, so one
 * id follows the request through both logs), else a fresh one. The answer carries it, the access log writes it, and
 * an unexpected error's trace in the log is found by it (the id reaches the resources as the request header).
 */
final class RequestIds extends Handler.Wrapper {

    static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = "dhakira.requestId";
    /** Ids a client may choose: short, and nothing a log line or a header could be bent by. */
    private static final Pattern SENSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    RequestIds(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String given = request.getHeaders().get(HEADER);
        boolean echoed = given != null && SENSIBLE.matcher(given).matches();
        String id = echoed ? given : Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
        request.setAttribute(ATTRIBUTE, id);
        response.getHeaders().put(HEADER, id);
        if (echoed) return super.handle(request, response, callback);
        HttpFields headers = HttpFields.build(request.getHeaders()).put(HEADER, id).asImmutable();
        return super.handle(new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return headers;
            }
        }, response, callback);
    }
}
