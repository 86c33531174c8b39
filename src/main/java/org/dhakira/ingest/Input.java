package org.dhakira.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Something to load: a name for messages, its format and a way to open it (more than once: the loader reads
 * it to check it, then again to write it).
 *
 * <pre>{@code Input in = Input.of(Path.of("records.jsonl.gz"));}</pre>
 */
public record Input(String name, Format format, Opener opener, long size) {

    /** Opens the input afresh, decompressed. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** A file, its format told by its name. */
    public static Input of(Path file) {
        String name = file.getFileName().toString();
        Format format = Format.ofFileName(name).orElseThrow(() -> new IllegalArgumentException(
                file + ": unknown format; use one of " + Format.extensions() + " (optionally .gz)"));
        if (!Files.isReadable(file)) throw new IllegalArgumentException(file + ": no such readable file");
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        return new Input(name, format, () -> {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            return name.toLowerCase(java.util.Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
        }, size);
    }

    /** Text held in memory, such as a request body. */
    public static Input of(String name, Format format, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new Input(name, format, () -> new ByteArrayInputStream(bytes), bytes.length);
    }
}
