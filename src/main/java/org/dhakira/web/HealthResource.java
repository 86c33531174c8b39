package org.dhakira.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dhakira.index.RecordIndex;
import org.dhakira.store.RecordStore;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /health}: whether the store answers, the sequence number of its last change, and how far the index is behind. */
@Path("/health")
public final class HealthResource {

    private final RecordStore store;
    private final RecordIndex index;

    public HealthResource(RecordStore store, RecordIndex index) {
        this.store = store;
        this.index = index;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> health() {
        RecordStore.Position p = store.position();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "up");
        body.put("store", "ready");
        body.put("sequence", p.sequence());
        p.datestamp().ifPresent(d -> body.put("lastChange", d.toString()));
        body.put("index", index.sequence() == p.sequence() ? "current" : "behind");
        body.put("indexSequence", index.sequence());
        body.put("indexBehind", p.sequence() - index.sequence());
        return body;
    }
}
