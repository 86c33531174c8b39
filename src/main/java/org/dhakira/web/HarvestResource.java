package org.dhakira.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.dhakira.harvest.HarvestSchedule;
import org.dhakira.harvest.Harvester;
import org.dhakira.harvest.Peer;
import org.dhakira.harvest.PeerState;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * {@code /harvest}: the peer archives this archive harvests, each with its last run (when, how it ended, records
 * added, updated, deleted, unchanged and not taken, the last error and the records it could not take), whether a
 * stopped run will resume, and when the next is due. HTML for people, JSON for monitoring ({@code Accept:
 * application/json} or {@code /harvest.json}). Read-only: harvests are started by the schedule or the command line.
 */
@Path("")
public final class HarvestResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Harvester harvester;
    private final Supplier<List<Peer>> peers;
    private final Supplier<List<Peer>> configured;
    private final Templates templates;

    /**
     * @param peers      every peer known (configured, and harvested before)
     * @param configured those of the configuration, which the schedule harvests when enabled
     */
    public HarvestResource(Harvester harvester, Supplier<List<Peer>> peers, Supplier<List<Peer>> configured, Templates templates) {
        this.harvester = harvester;
        this.peers = peers;
        this.configured = configured;
        this.templates = templates;
    }

    @GET
    @Path("harvest")
    @Produces("text/html;qs=1")
    public Response page(@QueryParam("lang") String lang, @HeaderParam("Accept-Language") String acceptLanguage) {
        String ui = SearchResource.uiLanguage(lang, acceptLanguage);
        Map<String, Object> view = PageFrame.at("/harvest", ui, "", PageFrame.chooses(lang)).view();
        List<Map<String, Object>> list = peers(ui);
        for (Map<String, Object> p : list) htmlOnly(p);
        view.put("peers", list);
        view.put("none", list.isEmpty());
        return Response.ok(templates.render("harvest", view), "text/html;charset=utf-8")
                .header("Vary", "Accept, Accept-Language").header("Cache-Control", "no-cache").build();
    }

    @GET
    @Path("harvest")
    @Produces("application/json;qs=0.9")
    public Response json() throws com.fasterxml.jackson.core.JsonProcessingException {
        return Response.ok(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("peers", peers("en"))), "application/json")
                .header("Vary", "Accept").header("Cache-Control", "no-cache").build();
    }

    @GET
    @Path("harvest.json")
    @Produces("application/json")
    public Response jsonByName() throws com.fasterxml.jackson.core.JsonProcessingException {
        return json();
    }

    /**
     * What the template tests that a list is not empty with: Mustache.java resolves no list index ({@code
     * {{#failures.0}}} is always false, so the records not taken were never shown), and counts no number as false.
     */
    @SuppressWarnings("unchecked")
    private static void htmlOnly(Map<String, Object> peer) {
        peer.put("hasSets", !((List<?>) peer.get("sets")).isEmpty());
        if (peer.get("last") instanceof Map<?, ?> l) {
            Map<String, Object> last = (Map<String, Object>) l;
            last.put("hasFailures", !((List<?>) last.get("failures")).isEmpty());
            last.put("hasMoreFailures", ((Number) last.get("moreFailures")).longValue() > 0);
        }
    }

    private List<Map<String, Object>> peers(String ui) {
        Map<String, PeerState> states = harvester.harvested();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Peer p : peers.get()) {
            boolean scheduled = p.enabled() && configured.get().stream().anyMatch(c -> c.id().equals(p.id()));
            PeerState s = states.getOrDefault(p.id(), PeerState.NEW);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", p.id());
            v.put("name", "ar".equals(ui) ? p.nameAr() : p.nameEn());
            v.put("nameAr", p.nameAr());
            v.put("nameEn", p.nameEn());
            v.put("baseUrl", p.baseUrl().toString());
            v.put("metadataPrefix", p.metadataPrefix());
            v.put("sets", p.sets());
            v.put("every", p.every().toString());
            v.put("scheduled", scheduled);
            v.put("set", "source:" + p.id());
            v.put("setHref", "/oai?verb=ListIdentifiers&metadataPrefix=oai_dc&set=source:" + p.id());
            s.lastSuccessStart().ifPresent(t -> v.put("lastSuccessStart", t.toString()));
            s.last().ifPresent(l -> {
                Map<String, Object> last = new LinkedHashMap<>();
                last.put("started", l.started().toString());
                last.put("ended", l.ended().toString());
                last.put("outcome", l.ok() ? "ok" : "failed");
                last.put("ok", l.ok());
                last.put("added", l.counts().added());
                last.put("updated", l.counts().updated());
                last.put("deleted", l.counts().deleted());
                last.put("unchanged", l.counts().unchanged());
                last.put("failed", l.counts().failed());
                l.error().ifPresent(e -> last.put("error", e));
                List<Map<String, String>> failures = new ArrayList<>();
                l.counts().failures().forEach(f -> failures.add(Map.of("identifier", f.identifier(), "reason", f.reason())));
                last.put("failures", failures);
                last.put("moreFailures", Math.max(0, l.counts().failed() - failures.size()));
                v.put("last", last);
            });
            Optional<PeerState.Run> run = s.run();
            v.put("resumes", run.isPresent());
            run.ifPresent(r -> v.put("resumesAfter", r.counts().seen()));
            if (scheduled) v.put("nextDue", HarvestSchedule.due(p, s).toString());
            out.add(v);
        }
        return out;
    }
}
