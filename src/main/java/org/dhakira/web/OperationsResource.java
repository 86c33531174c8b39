package org.dhakira.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPOutputStream;

import org.dhakira.store.Backup;
import org.dhakira.store.RecordStore;
import org.glassfish.jersey.server.ContainerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * The operator's doors of a running server, behind the write API's tokens ({@link ApiAuthentication}):
 * {@code GET /api/backup} streams a backup — what {@code dhakira backup} writes, gzipped N-Quads of one read
 * transaction, bookkeeping included — while the archive goes on serving and writing; {@code POST /api/compact}
 * compacts the store in place.
 *
 * <pre>{@code curl -H "Authorization: Bearer $T" -o archive.nq.gz http://localhost:8080/api/backup}</pre>
 */
@Path("api")
public final class OperationsResource {

    private static final Logger LOG = LoggerFactory.getLogger(OperationsResource.class);

    private final RecordStore store;
    /** One compaction at a time: a second would only copy the first's result again, holding writers up twice. */
    private final AtomicBoolean compacting = new AtomicBoolean();

    public OperationsResource(RecordStore store) {
        this.store = store;
    }

    @GET
    @Path("backup")
    public Response backup(@Context ContainerRequest request) {
        String holder = holder(request);
        // Gzip already: Jersey's encoding filter must not compress it again for a client that accepts gzip.
        request.getHeaders().remove("Accept-Encoding");
        StreamingOutput body = out -> {
            GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
            long sequence = Backup.write(store, gz);
            gz.finish();
            LOG.info("Backup through change {} streamed to '{}'", sequence, holder);
        };
        return Response.ok(body, "application/gzip")
                .header("Content-Disposition", "attachment; filename=\"dhakira-backup.nq.gz\"")
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("compact")
    public Response compact(@Context ContainerRequest request) {
        String holder = holder(request);
        if (!compacting.compareAndSet(false, true)) {
            return Response.status(Response.Status.CONFLICT).type("text/plain;charset=utf-8")
                    .entity("A compaction is running already; this one would copy its result again.\n").build();
        }
        try {
            LOG.info("Compaction asked for by '{}': writes wait until it ends", holder);
            RecordStore.Compaction c = store.compact();
            LOG.info("Compacted the store at change {}: {} bytes before, {} after", c.sequence(), c.bytesBefore(), c.bytesAfter());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sequence", c.sequence());
            m.put("bytesBefore", c.bytesBefore());
            m.put("bytesAfter", c.bytesAfter());
            return Response.ok(m, "application/json").header("Cache-Control", "no-store").build();
        } finally {
            compacting.set(false);
        }
    }

    private static String holder(ContainerRequest request) {
        Object holder = request.getProperty(ApiAuthentication.HOLDER);
        // Only reachable if the door keeper were not registered: refuse rather than act for no one.
        if (holder == null) throw new jakarta.ws.rs.NotAuthorizedException("Bearer realm=\"dhakira\"");
        return holder.toString();
    }
}
