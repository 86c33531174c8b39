package org.dhakira.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

import org.dhakira.vocab.DataFiles;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** Styles and images from {@code server/static}; only plain file names, so no path leads elsewhere. */
@Path("/static/{name}")
public final class StaticResource {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(css|svg|js)");
    private static final Map<String, String> TYPES = Map.of("css", "text/css;charset=utf-8", "svg", "image/svg+xml",
            "js", "text/javascript;charset=utf-8");

    private final DataFiles files;

    public StaticResource(DataFiles files) {
        this.files = files;
    }

    @GET
    public Response file(@PathParam("name") String name) throws IOException {
        if (!NAME.matcher(name).matches()) return Response.status(Response.Status.NOT_FOUND).build();
        byte[] body;
        try (InputStream in = files.open("server/static/" + name)) {
            body = in.readAllBytes();
        } catch (IllegalStateException missing) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        return Response.ok(body, TYPES.get(name.substring(name.lastIndexOf('.') + 1)))
                .header("Cache-Control", "public, max-age=3600").build();
    }
}
