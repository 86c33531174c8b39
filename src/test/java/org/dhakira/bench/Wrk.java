package org.dhakira.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk (Debian's {@code wrk}) as the benchmark's client, walking a {@link Walk}'s paths through the script
 * {@code bench/walk.lua}, which reports what wrk measured in one line.
 */
final class Wrk implements LoadClient {

    private static final Pattern REPORT = Pattern.compile(
            "WALK requests=(\\d+) walked=(\\d+) bytes=(\\d+) micros=(\\d+) status=(\\d+) socket=(\\d+) p50=(\\d+) p90=(\\d+) p99=(\\d+)");

    private final Path executable;
    private final Path script;
    private final Map<List<String>, Path> pathFiles = new IdentityHashMap<>();
    private final int threads = Runtime.getRuntime().availableProcessors();

    private Wrk(Path executable, Path script) {
        this.executable = executable;
        this.script = script;
    }

    /** wrk from the PATH, if there is one. */
    static Optional<LoadClient> find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "wrk");
            if (Files.isExecutable(candidate)) {
                try (InputStream in = Wrk.class.getResourceAsStream("/bench/walk.lua")) {
                    if (in == null) throw new IllegalStateException("bench/walk.lua is not on the test classpath");
                    Path script = Files.createTempFile("walk", ".lua");
                    script.toFile().deleteOnExit();
                    Files.write(script, in.readAllBytes());
                    return Optional.of(new Wrk(candidate, script));
                } catch (IOException e) {
                    throw new IllegalStateException("cannot write wrk's script: " + e.getMessage(), e);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String name() {
        return "wrk (" + executable + ", " + threads + " threads)";
    }

    @Override
    public HttpLoad.Outcome run(Walk walk, Map<String, String> headers, int connections, Duration measure) throws Exception {
        int wrkThreads = Math.min(threads, connections);
        int offset = walk.cursor().get();
        long seconds = Math.max(1, measure.toSeconds());
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-t" + wrkThreads, "-c" + connections,
                "-d" + seconds + "s", "--timeout", "60s", "-s", script.toString()));
        headers.forEach((name, value) -> command.addAll(List.of("-H", name + ": " + value)));
        String base = walk.base().toString();
        command.addAll(List.of(base.endsWith("/") ? base.substring(0, base.length() - 1) : base,
                "--", pathFile(walk).toString(), Integer.toString(wrkThreads), Integer.toString(offset)));
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        // wrk ends on its own after the duration (and its 60-s timeout for the last answers); its output ends with it.
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed (" + String.join(" ", command) + "):\n" + output);
        }
        Matcher m = REPORT.matcher(output);
        if (!m.find()) throw new IllegalStateException("wrk printed no report (" + String.join(" ", command) + "):\n" + output);
        long requests = Long.parseLong(m.group(1));
        walk.cursor().addAndGet(Math.toIntExact(Long.parseLong(m.group(2))));
        double took = Long.parseLong(m.group(4)) / 1e6;
        long errors = Long.parseLong(m.group(5)) + Long.parseLong(m.group(6));
        // wrk counts the bytes of headers too, which the JDK's client does not.
        return new HttpLoad.Outcome(requests, errors, took, requests / took, micros(m.group(7)), micros(m.group(8)),
                micros(m.group(9)), Long.parseLong(m.group(3)));
    }

    private static double micros(String v) {
        return Long.parseLong(v) / 1e3;
    }

    /** The walk's paths, one a line, written once per list. */
    private synchronized Path pathFile(Walk walk) throws IOException {
        Path file = pathFiles.get(walk.paths());
        if (file == null) {
            file = Files.createTempFile("walk", ".txt");
            file.toFile().deleteOnExit();
            StringBuilder lines = new StringBuilder();
            for (String p : walk.paths()) lines.append('/').append(p).append('\n');
            Files.writeString(file, lines);
            pathFiles.put(walk.paths(), file);
        }
        return file;
    }
}
