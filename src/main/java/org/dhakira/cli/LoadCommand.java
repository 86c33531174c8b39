package org.dhakira.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.dhakira.ingest.Input;
import org.dhakira.ingest.LoadReport;
import org.dhakira.ingest.Progress;
import org.dhakira.server.Archive;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load records from JSON, JSON Lines, Turtle, TriG, N-Quads, N-Triples, RDF/XML or JSON-LD "
                + "(optionally .gz).",
                "Everything is checked first; if any record is wrong, every problem is listed and nothing is written."})
final class LoadCommand implements Callable<Integer> {

    @Mixin
    ArchiveOptions archive;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to load, as one batch.")
    List<Path> files;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "0",
            description = "Commit every N records (default 0: all in one transaction).")
    int batch;

    @Option(names = "--check", description = "Only check the files; write nothing.")
    boolean checkOnly;

    @Option(names = "--progress", negatable = true, description = "Show progress bars (default: when on a terminal).")
    Boolean progress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (batch < 0) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--batch must be 0 or more");
        List<Input> inputs = new ArrayList<>();
        for (Path f : files) {
            try {
                inputs.add(Input.of(f));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        boolean bars = progress != null ? progress : System.console() != null;
        Progress shown = bars ? new ConsoleProgress() : Progress.NONE;
        long started = System.nanoTime();
        try (Archive opened = archive.open()) {
            if (checkOnly) {
                long n = opened.loader().check(inputs, shown);
                spec.commandLine().getOut().printf("%,d %s checked: no problems.%n", n, n == 1 ? "record" : "records");
                return 0;
            }
            LoadReport r = opened.loader().load(inputs, batch, shown);
            double seconds = (System.nanoTime() - started) / 1e9;
            spec.commandLine().getOut().printf(
                    "Loaded %,d " + (r.records() == 1 ? "record" : "records") + " in %.1f s: %,d written, %,d deleted, %,d unchanged; %d %s committed"
                            + (r.lastSequence() > 0 ? ", changes %d–%d" : "") + ".%n",
                    r.records(), seconds, r.written(), r.deleted(), r.unchanged(), r.batches(),
                    r.batches() == 1 ? "batch" : "batches", r.firstSequence(), r.lastSequence());
            return 0;
        }
    }
}
