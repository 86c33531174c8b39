package org.dhakira;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The third-party clients the protocol tests drive (Debian's harvesters, rdflib, rapper), run as processes. */
public final class Clients {
    private Clients() {}

    /**
     * Runs a client in {@code dir} and gives its standard output; fails naming the Debian package to install when
     * the client is missing, and with its standard error when it fails.
     */
    public static String run(Path dir, String debianPackage, String... command) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p;
        try {
            p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is not installed: apt-get install " + debianPackage + " (.ci/run does)", e);
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command[0] + " did not finish in 120 s");
        }
        assertEquals(0, p.exitValue(), command[0] + " failed: " + Files.readString(err, StandardCharsets.UTF_8));
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
