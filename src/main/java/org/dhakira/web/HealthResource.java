package org.dhakira.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dhakira.index.RecordIndex;
import org.dhakira.store.RecordStore;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /health}, for load balancers, Kubernetes probes and people: 200 when the store answers and the index
 * serves, 503 (with the problems named) when either does not; always the store's last change, the change the
 * index reflects, how far it is behind, how many renamed records' names it is still carrying to the records naming
 * them, and the heavy doors' queue. JSON by default; {@code Accept: text/plain}
 * gets the same as lines of text. Never cached: a probe must see now.
 *
 * <pre>{@code {"status":"up","store":"ready","sequence":32,"lastChange":"…","index":"current","indexSequence":32,
 *  "indexBehind":0,"indexRenamesPending":0,"queueRunning":0,"queueWaiting":0}}</pre>
 */
@Path("/health")
public final class HealthResource {

    private final RecordStore store;
    private final RecordIndex index;
    private final Admission admission;
    private final Optional<Admission> writes;

    /** @param writes the write API's line, when there is a write API */
    public HealthResource(RecordStore store, RecordIndex index, Admission admission, Optional<Admission> writes) {
        this.store = store;
        this.index = index;
        this.admission = admission;
        this.writes = writes;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response json() {
        Map<String, Object> body = report();
        return Response.status(status(body)).entity(body).type(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
    }

    @GET
    @Produces("text/plain;qs=0.5") // JSON for */*: probes and scripts read it; text only for those who ask
    public Response text() {
        Map<String, Object> body = report();
        StringBuilder lines = new StringBuilder();
        body.forEach((k, v) -> lines.append(k).append(": ").append(v instanceof List<?> l ? String.join("; ", l.stream().map(String::valueOf).toList()) : v).append('\n'));
        return Response.status(status(body)).entity(lines.toString()).type("text/plain;charset=utf-8").header("Cache-Control", "no-store").build();
    }

    private static int status(Map<String, Object> body) {
        return "up".equals(body.get("status")) ? 200 : 503;
    }

    private Map<String, Object> report() {
        List<String> problems = new ArrayList<>();
        Optional<RecordStore.Position> position;
        try {
            // Read from the store's files, not the position kept in memory: the point is whether they can be read.
            position = Optional.of(store.snapshot(RecordStore.Snapshot::lastChange));
        } catch (RuntimeException e) {
            problems.add("the store cannot be read: " + e.getMessage());
            position = Optional.empty();
        }
        Optional<String> indexProblem = index.problem();
        indexProblem.ifPresent(problems::add);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", problems.isEmpty() ? "up" : "down");
        body.put("store", position.isPresent() ? "ready" : "unavailable");
        position.ifPresent(p -> {
            body.put("sequence", p.sequence());
            p.datestamp().ifPresent(d -> body.put("lastChange", d.toString()));
        });
        long indexed = index.sequence();
        // Behind also while a rename is carried to the records naming it: the index is at the store's change, not all its entries.
        int renaming = index.renamesPending();
        body.put("index", indexProblem.isPresent() ? "unavailable"
                : position.map(p -> p.sequence() == indexed && renaming == 0 ? "current" : "behind").orElse("unknown"));
        body.put("indexSequence", indexed);
        position.ifPresent(p -> body.put("indexBehind", Math.max(0, p.sequence() - indexed)));
        body.put("indexRenamesPending", renaming);
        body.put("queueRunning", admission.running());
        body.put("queueWaiting", admission.waiting());
        writes.ifPresent(w -> {
            body.put("writesRunning", w.running());
            body.put("writesWaiting", w.waiting());
        });
        if (!problems.isEmpty()) body.put("problems", problems);
        return body;
    }
}
