package org.dhakira.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.dhakira.crawl.Dump;
import org.dhakira.crawl.DumpWriter;
import org.glassfish.jersey.server.ContainerRequest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * {@code /dumps/}: the page that lists the full dump, and the dump itself, {@code /dumps/dhakira.nq.gz}: every
 * record graph (tombstones included) as gzipped N-Quads, the file {@link DumpWriter} keeps fresh. Served with
 * Content-Length, Last-Modified, ETag, conditional requests, HEAD and a single byte range (to resume a
 * download); 503 with Retry-After until the first dump is written.
 */
@Path("dumps")
public final class DumpResource {

    static final String FILE = "dhakira.nq.gz";
    /** Seconds a client is asked to wait for a dump being written: writing a large archive takes a minute or two. */
    private static final int RETRY_AFTER = 60;

    private final DumpWriter dumps;
    private final String base;
    private final Templates templates;

    public DumpResource(DumpWriter dumps, String base, Templates templates) {
        this.dumps = dumps;
        this.base = base;
        this.templates = templates;
    }

    @GET
    public Response listing(@QueryParam("lang") String lang, @HeaderParam("Accept-Language") String acceptLanguage) {
        String ui = SearchResource.uiLanguage(lang, acceptLanguage);
        Map<String, Object> view = PageFrame.at("/dumps/", ui, "", PageFrame.chooses(lang)).view();
        view.put("delay", dumps.delay().toSeconds());
        dumps.current().ifPresent(d -> {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("name", FILE);
            file.put("href", "/dumps/" + FILE);
            file.put("url", base + "dumps/" + FILE);
            file.put("size", d.size());
            file.put("modified", d.modified().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
            file.put("sequence", d.sequence());
            view.put("dump", file);
        });
        return Response.ok(templates.render("dumps", view), "text/html;charset=utf-8")
                .header("Vary", "Accept-Language").build();
    }

    /** HEAD on its own: JAX-RS would run the GET, which opens the file for a body that is never written. */
    @HEAD
    @Path(FILE)
    public Response head(@Context Request request) {
        Optional<Dump> current = dumps.current();
        if (current.isEmpty()) return unavailable();
        Dump d = current.get();
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(Date.from(d.modified()), new EntityTag(d.etag()));
        if (unchanged != null) return headers(unchanged, d).build();
        return headers(Response.ok(), d).type("application/gzip").header("Content-Length", d.size()).build();
    }

    @GET
    @Path(FILE)
    public Response file(@Context Request request, @Context ContainerRequest container, @HeaderParam("Range") String range,
                         @HeaderParam("If-Range") String ifRange) throws IOException {
        // The file is gzip already: without this, Jersey's encoding filter would compress it a second time for a
        // client that accepts gzip, and the length, the ranges and the bytes saved would no longer be the file's.
        container.getHeaders().remove("Accept-Encoding");
        for (int attempt = 0; attempt < 2; attempt++) {
            Optional<Dump> current = dumps.current();
            if (current.isEmpty()) return unavailable();
            Dump d = current.get();
            EntityTag tag = new EntityTag(d.etag());
            Date modified = Date.from(d.modified());
            Response.ResponseBuilder unchanged = request.evaluatePreconditions(modified, tag);
            if (unchanged != null) return headers(unchanged, d).build();
            FileChannel channel;
            try {
                channel = FileChannel.open(d.file(), StandardOpenOption.READ);
            } catch (NoSuchFileException replaced) {
                continue; // a newer dump took its place between the lookup and the opening: serve that one
            }
            Optional<ByteRange> asked = ByteRange.parse(range, d.size()).filter(r -> ifRange == null || ifRange.equals(tag.toString()));
            if (asked.isPresent() && !asked.get().satisfiable(d.size())) {
                channel.close();
                return headers(Response.status(Response.Status.REQUESTED_RANGE_NOT_SATISFIABLE), d)
                        .header("Content-Range", "bytes */" + d.size()).build();
            }
            long first = asked.map(ByteRange::first).orElse(0L);
            long length = asked.map(ByteRange::length).orElse(d.size());
            StreamingOutput body = out -> copy(channel, first, length, out);
            Response.ResponseBuilder r = asked.isPresent()
                    ? Response.status(Response.Status.PARTIAL_CONTENT).header("Content-Range", asked.get().contentRange(d.size()))
                    : Response.ok();
            return headers(r.entity(body), d).type("application/gzip").header("Content-Length", length).build();
        }
        throw new IllegalStateException("the dump was replaced twice while being opened");
    }

    private static Response unavailable() {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", RETRY_AFTER)
                .type("text/plain;charset=utf-8").entity("The first dump is being written; try again in a minute.\n").build();
    }

    private static void copy(FileChannel channel, long first, long length, OutputStream out) throws IOException {
        try (channel) {
            java.nio.channels.WritableByteChannel sink = Channels.newChannel(out);
            long left = length;
            long at = first;
            while (left > 0) {
                long n = channel.transferTo(at, left, sink);
                if (n <= 0) break;
                at += n;
                left -= n;
            }
        }
    }

    private static Response.ResponseBuilder headers(Response.ResponseBuilder r, Dump d) {
        return r.tag(new EntityTag(d.etag())).lastModified(Date.from(d.modified()))
                .header("Accept-Ranges", "bytes")
                .header("Content-Disposition", "attachment; filename=\"" + FILE + "\"")
                .header("Cache-Control", "public, max-age=60");
    }
}
