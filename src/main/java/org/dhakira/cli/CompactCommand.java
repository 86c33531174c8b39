package org.dhakira.cli;

import java.util.Locale;
import java.util.concurrent.Callable;

import org.dhakira.server.Archive;
import org.dhakira.store.RecordStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "compact", mixinStandardHelpOptions = true,
        description = {"Compact the store: TDB2 keeps every version of every rewritten record until compacted; this copies the latest state into a new generation and deletes the old one.",
                "Prints the store's size before and after. The archive must not be open elsewhere; a running server compacts itself on POST /api/compact."})
final class CompactCommand implements Callable<Integer> {

    @Mixin
    ArchiveOptions archive;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Archive opened = archive.openExisting()) {
            RecordStore.Compaction c = opened.store().compact();
            spec.commandLine().getOut().printf(Locale.ROOT, "Compacted the store at change %d: %s before, %s after.%n",
                    c.sequence(), size(c.bytesBefore()), size(c.bytesAfter()));
            return 0;
        }
    }

    static String size(long bytes) {
        return String.format(Locale.ROOT, "%,d bytes (%.1f MiB)", bytes, bytes / 1048576.0);
    }
}
