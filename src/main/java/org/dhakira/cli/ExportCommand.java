package org.dhakira.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.dhakira.server.Archive;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write every record (tombstones included) as N-Quads or TriG, streaming.",
                "The format follows the file name (.nq, .trig, each optionally .gz); standard output gets N-Quads unless --format says otherwise."})
final class ExportCommand implements Callable<Integer> {

    enum Syntax { nquads, trig }

    @Mixin
    ArchiveOptions archive;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "Where to write (default: standard output).")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", description = "nquads or trig (default: from the file name, else nquads).")
    Syntax format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Syntax syntax = format != null ? format : fromName(file);
        try (Archive opened = archive.open()) {
            if (file == null) {
                OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
                write(opened, syntax, out);
                out.flush();
                return 0;
            }
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
                 OutputStream out = file.toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw) {
                write(opened, syntax, out);
            }
            // A reader of the file never sees half an export.
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            spec.commandLine().getErr().printf("Exported to %s (%,d bytes).%n", file, Files.size(file));
            return 0;
        }
    }

    private static Syntax fromName(Path file) {
        if (file == null) return Syntax.nquads;
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) n = n.substring(0, n.length() - 3);
        if (n.endsWith(".trig")) return Syntax.trig;
        if (n.endsWith(".nq")) return Syntax.nquads;
        throw new IllegalArgumentException(file + ": name the file .nq or .trig (optionally .gz), or give --format");
    }

    private static void write(Archive archive, Syntax syntax, OutputStream out) {
        StreamRDF sink = StreamRDFWriter.getWriterStream(out, syntax == Syntax.trig ? RDFFormat.TRIG_BLOCKS : RDFFormat.NQUADS_UTF8);
        archive.store().writeRecords(sink);
    }
}
