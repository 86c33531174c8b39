package org.dhakira.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dhakira.store.RecordStore;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /health}: whether the store answers, and the sequence number of the last change it holds. */
@Path("/health")
public final class HealthResource {

    private final RecordStore store;

    public HealthResource(RecordStore store) {
        this.store = store;
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
        return body;
    }
}
