package org.dhakira.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * A file written whole or not at all: the bytes go to {@code FILE.partial}, which takes the file's name only once
 * complete, so a reader (or a restore) never sees half an export or backup. A name ending {@code .gz} compresses.
 */
final class AtomicFile {
    private AtomicFile() {}

    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    static void write(Path file, Content content) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
                 OutputStream out = file.toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw) {
                content.writeTo(out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
