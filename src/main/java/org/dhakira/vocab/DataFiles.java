package org.dhakira.vocab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The archive's data folders ({@code vocab/}, {@code harvest/}, {@code server/}): read from an operator's
 * folder when one is given and holds the file, else from the copies built into the jar.
 *
 * <pre>{@code try (InputStream in = DataFiles.builtIn().open("vocab/ontology.ttl")) { … }}</pre>
 */
public record DataFiles(Optional<Path> home) {

    public DataFiles {
        home.ifPresent(h -> {
            if (!Files.isDirectory(h)) throw new IllegalArgumentException("home folder " + h + " does not exist");
        });
    }

    public static DataFiles builtIn() {
        return new DataFiles(Optional.empty());
    }

    /** Opens {@code relative} (such as {@code vocab/shapes.ttl}); throws if neither place has it. */
    public InputStream open(String relative) {
        try {
            if (home.isPresent()) {
                Path p = home.get().resolve(relative);
                if (Files.isRegularFile(p)) return Files.newInputStream(p);
            }
            InputStream in = DataFiles.class.getClassLoader().getResourceAsStream(relative);
            if (in == null) throw new IllegalStateException("data file " + relative + " is missing from the build");
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data file " + relative, e);
        }
    }
}
