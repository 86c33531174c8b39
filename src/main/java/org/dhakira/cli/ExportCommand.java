package org.dhakira.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

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
        if (file != null && Files.isDirectory(file)) throw new ArchiveOptions.UsageException(file + " is a folder; give a file name ending .nq or .trig");
        Syntax named = fromName(file);
        if (format != null && file != null && named != null && format != named) {
            throw new ArchiveOptions.UsageException("--format " + format + " disagrees with the file name " + file.getFileName());
        }
        Syntax syntax = format != null ? format : named != null ? named : Syntax.nquads;
        try (Archive opened = archive.openExisting()) {
            if (file == null) {
                OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
                write(opened, syntax, out);
                out.flush();
                // System.out never throws; it only remembers. A full disk must not pass for a finished export.
                if (System.out.checkError()) throw new java.io.IOException("cannot write to standard output; the export is incomplete");
                return 0;
            }
            AtomicFile.write(file, out -> write(opened, syntax, out));
            spec.commandLine().getErr().printf("Exported to %s (%,d bytes).%n", file, Files.size(file));
            return 0;
        }
    }

    /** The syntax the file name asks for; null for standard output or a name that says nothing. */
    private Syntax fromName(Path file) {
        if (file == null) return null;
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) n = n.substring(0, n.length() - 3);
        if (n.endsWith(".trig")) return Syntax.trig;
        if (n.endsWith(".nq")) return Syntax.nquads;
        if (format == null) throw new ArchiveOptions.UsageException(file + ": name the file .nq or .trig (optionally .gz), or give --format");
        return null;
    }

    private static void write(Archive archive, Syntax syntax, OutputStream out) {
        StreamRDF sink = StreamRDFWriter.getWriterStream(out, syntax == Syntax.trig ? RDFFormat.TRIG_BLOCKS : RDFFormat.NQUADS_UTF8);
        archive.store().writeRecords(sink);
    }
}
