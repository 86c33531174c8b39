package org.dhakira.cli;

import java.util.concurrent.Callable;

import org.dhakira.ingest.Progress;
import org.dhakira.server.Archive;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = {"Rebuild the search index from the store.",
                "Never needed in normal use: the index follows every write and catches up on start; this is for a damaged or deleted index."})
final class ReindexCommand implements Callable<Integer> {

    @Mixin
    ArchiveOptions archive;

    @Option(names = "--progress", negatable = true, description = "Show a progress bar (default: when on a terminal).")
    Boolean progress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        boolean bars = progress != null ? progress : System.console() != null;
        long started = System.nanoTime();
        try (Archive opened = archive.openExisting()) {
            opened.index().rebuild(bars ? new ConsoleProgress() : Progress.NONE);
            double seconds = (System.nanoTime() - started) / 1e9;
            spec.commandLine().getOut().printf("Index rebuilt at change %d in %.1f s.%n", opened.index().sequence(), seconds);
            return 0;
        }
    }
}
