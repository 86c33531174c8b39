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

/**
 * Styles and images from {@code server/static}, and vendored libraries from its listed subfolders; only plain
 * file names (dots only between name parts) in known folders, so no path leads elsewhere.
 */
@Path("/static")
public final class StaticResource {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(css|svg|js)");
    /** A vendored library's files, such as {@code yasgui.min.js}: no empty part, so never {@code ..}. */
    private static final Pattern VENDORED = Pattern.compile("[a-z0-9][a-z0-9-]*(\\.[a-z0-9-]+)*\\.(css|js)");
    /** The subfolders that hold vendored libraries (see server/static/yasgui/README.md). */
    private static final java.util.Set<String> FOLDERS = java.util.Set.of("yasgui");
    private static final Map<String, String> TYPES = Map.of("css", "text/css;charset=utf-8", "svg", "image/svg+xml",
            "js", "text/javascript;charset=utf-8");

    private final DataFiles files;

    public StaticResource(DataFiles files) {
        this.files = files;
    }

    @GET
    @Path("{name}")
    public Response file(@PathParam("name") String name) throws IOException {
        if (!NAME.matcher(name).matches()) return Response.status(Response.Status.NOT_FOUND).build();
        return serve("server/static/" + name, name);
    }

    @GET
    @Path("{folder}/{name}")
    public Response vendored(@PathParam("folder") String folder, @PathParam("name") String name) throws IOException {
        if (!FOLDERS.contains(folder) || !VENDORED.matcher(name).matches()) return Response.status(Response.Status.NOT_FOUND).build();
        return serve("server/static/" + folder + "/" + name, name);
    }

    private Response serve(String path, String name) throws IOException {
        byte[] body;
        try (InputStream in = files.open(path)) {
            body = in.readAllBytes();
        } catch (IllegalStateException missing) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        return Response.ok(body, TYPES.get(name.substring(name.lastIndexOf('.') + 1)))
                .header("Cache-Control", "public, max-age=3600").build();
    }
}
