package org.dhakira;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The command line in a JVM of its own, for tests that kill it (SIGKILL) while it writes. */
public final class Forked {
    private Forked() {}

    /** {@code dhakira args…} with the tests' classpath, its output and errors merged. */
    public static Process dhakira(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.dhakira.cli.Dhakira"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Waits until the child's output shows {@code marker} (a progress bar's name, say), or ends; false if it never did. */
    public static boolean awaitOutput(Process p, String marker, Duration patience) throws InterruptedException {
        CountDownLatch seen = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                int c;
                StringBuilder tail = new StringBuilder();
                while ((c = r.read()) >= 0) {
                    tail.append((char) c);
                    if (tail.length() > 64) tail.delete(0, tail.length() - 64);
                    if (tail.indexOf(marker) >= 0) seen.countDown();
                }
            } catch (IOException e) {
                // The child was killed; its output ends here.
            }
        });
        reader.setDaemon(true);
        reader.start();
        return seen.await(patience.toMillis(), TimeUnit.MILLISECONDS);
    }
}
