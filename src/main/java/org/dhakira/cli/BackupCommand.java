package org.dhakira.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.dhakira.server.Archive;
import org.dhakira.store.Backup;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Write the whole store, bookkeeping included (sequence numbers, datestamps, tombstones), as N-Quads (.gz compresses).",
                "'dhakira restore' makes the same archive again from it: OAI datestamps survive, so harvesters do not harvest it all again.",
                "The archive must not be open in another process (stop 'serve' first)."})
final class BackupCommand implements Callable<Integer> {

    @Mixin
    ArchiveOptions archive;

    @Parameters(paramLabel = "FILE", description = "Where to write the backup (.nq or .nq.gz).")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (Files.isDirectory(file)) throw new ArchiveOptions.UsageException(file + " is a folder; give a file name ending .nq or .nq.gz");
        try (Archive opened = archive.openExisting()) {
            AtomicFile.write(file, out -> Backup.write(opened.store(), out));
            spec.commandLine().getOut().printf("Backed up through change %d to %s (%,d bytes).%n",
                    opened.store().position().sequence(), file, Files.size(file));
            return 0;
        }
    }
}
