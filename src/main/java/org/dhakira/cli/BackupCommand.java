package org.dhakira.cli;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.dhakira.server.Archive;
import org.dhakira.store.Backup;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Write the whole store, bookkeeping included (sequence numbers, datestamps, tombstones), as N-Quads (.gz compresses).",
                "'dhakira restore' makes the same archive again from it: OAI datestamps survive, so harvesters do not harvest it all again.",
                "The archive must not be open in another process; from a running server, give --from its URL and --token-file a write-API token."})
final class BackupCommand implements Callable<Integer> {

    @Mixin
    ArchiveOptions archive;

    @Parameters(paramLabel = "FILE", description = "Where to write the backup (.nq or .nq.gz).")
    Path file;

    @Option(names = "--from", paramLabel = "URL", description = "A running server to back up (its GET /api/backup), such as http://localhost:8080/.")
    URI from;

    @Option(names = "--token-file", paramLabel = "FILE", description = "A file holding a write-API token (with --from).")
    Path tokenFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (Files.isDirectory(file)) throw new ArchiveOptions.UsageException(file + " is a folder; give a file name ending .nq or .nq.gz");
        if (from != null) return fromServer();
        if (tokenFile != null) throw new ArchiveOptions.UsageException("--token-file goes with --from URL");
        try (Archive opened = archive.openExisting()) {
            AtomicFile.write(file, out -> Backup.write(opened.store(), out));
            spec.commandLine().getOut().printf("Backed up through change %d to %s (%,d bytes).%n",
                    opened.store().position().sequence(), file, Files.size(file));
            return 0;
        }
    }

    /** The server's snapshot, written atomically: a stream cut short (a truncated gzip) leaves no file. */
    private int fromServer() throws Exception {
        if (tokenFile == null) throw new ArchiveOptions.UsageException("--from needs --token-file FILE with a write-API token");
        if (!Files.isRegularFile(tokenFile)) throw new ArchiveOptions.UsageException("there is no token file " + tokenFile);
        String token = Files.readString(tokenFile).strip();
        if (token.isEmpty() || token.contains("\n")) throw new ArchiveOptions.UsageException("the token file " + tokenFile + " must hold one token");
        URI backup = (from.toString().endsWith("/") ? from : URI.create(from + "/")).resolve("api/backup");
        HttpResponse<InputStream> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(
                HttpRequest.newBuilder(backup).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = r.body()) {
            if (r.statusCode() != 200) {
                String why = new String(body.readNBytes(2000), java.nio.charset.StandardCharsets.UTF_8).strip();
                throw new IllegalStateException(backup + " answered " + r.statusCode() + ": " + why);
            }
            AtomicFile.write(file, out -> new GZIPInputStream(body, 1 << 16).transferTo(out));
        }
        spec.commandLine().getOut().printf("Backed up %s to %s (%,d bytes).%n", from, file, Files.size(file));
        return 0;
    }
}
