package org.dhakira.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection that has not delivered a whole request head within {@code limit} of its opening or of its
 * previous answer. The idle timeout alone does not: a client that sends one header byte a second is never idle
 * for long, and so could hold its connection (and, once its head is whole, a thread) for ever; a server with a
 * few hundred such clients would take no one else. Jetty dispatches a request once its head is read (and, for a
 * request with a body, once the body has begun), so "not yet dispatched" is "still sending its head".
 *
 * <p>Both a handler (to see requests begin and end) and a connection listener (to see connections come and go);
 * register it as the server's handler around the application, and as a bean of the connector.
 */
final class HeadDeadline extends Handler.Wrapper implements Connection.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(HeadDeadline.class);

    private final long limitNanos;
    /** Connections waiting for a request head, with the moment they began to wait. */
    private final Map<Connection, Long> waiting = new ConcurrentHashMap<>();
    private final Scheduler scheduler = new ScheduledExecutorScheduler("request-head-deadline", true);
    private final long sweepMillis;

    HeadDeadline(Handler application, Duration limit) {
        super(application);
        if (limit == null || limit.isNegative() || limit.isZero()) throw new IllegalArgumentException("limit must be positive, was " + limit);
        this.limitNanos = limit.toNanos();
        // Swept a few times per limit, so a connection outlives its deadline by a fraction of it at most.
        this.sweepMillis = Math.max(100, limit.toMillis() / 4);
        addBean(scheduler);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        scheduler.schedule(this::sweep, sweepMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onOpened(Connection connection) {
        waiting.put(connection, System.nanoTime());
    }

    @Override
    public void onClosed(Connection connection) {
        waiting.remove(connection);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Connection connection = request.getConnectionMetaData().getConnection();
        waiting.remove(connection);
        Callback rearm = Callback.from(callback, () -> {
            // The next request's head is due from now, if the connection stays open for one.
            if (connection.getEndPoint().isOpen()) waiting.put(connection, System.nanoTime());
        });
        return super.handle(request, response, rearm);
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            waiting.forEach((connection, since) -> {
                if (!connection.getEndPoint().isOpen()) {
                    waiting.remove(connection);
                } else if (now - since > limitNanos && waiting.remove(connection, since)) {
                    LOG.debug("Closing {}: no whole request head within the limit", connection.getEndPoint().getRemoteSocketAddress());
                    connection.getEndPoint().close();
                }
            });
        } finally {
            if (isRunning()) scheduler.schedule(this::sweep, sweepMillis, TimeUnit.MILLISECONDS);
        }
    }
}
