package org.dhakira.cli;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;

import org.dhakira.index.Verification;
import org.dhakira.server.Archive;
import org.dhakira.server.Config;
import org.dhakira.store.Backup;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Make the archive a backup holds again, in an empty data folder: the same records, tombstones, sequence numbers and datestamps, and the same base URI.",
                "The search index is rebuilt from the restored store and checked against it."})
final class RestoreCommand implements Callable<Integer> {

    @Mixin
    ArchiveOptions archive;

    @Parameters(paramLabel = "FILE", description = "A file 'dhakira backup' wrote (.nq or .nq.gz).")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) throw new ArchiveOptions.UsageException("there is no backup file " + file);
        Config config = archive.resolve(Map.of());
        Path storeFolder = config.data().resolve("store");
        if (Files.exists(config.data().resolve("index")) || org.dhakira.store.RecordStore.exists(storeFolder)) {
            throw new ArchiveOptions.UsageException("the data folder " + config.data() + " is not empty; restore into a new one (--data DIR)");
        }
        Backup.Restored restored;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             InputStream in = file.toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
            restored = Backup.restore(storeFolder, in);
        } catch (Backup.NotABackupException e) {
            throw new ArchiveOptions.UsageException(file + ": " + e.getMessage());
        }
        if (config.base().isPresent() && !config.base().get().equals(restored.base())) {
            spec.commandLine().getErr().printf("dhakira: note: the backup's archive has the base %s; it keeps it (not %s)%n",
                    restored.base(), config.base().get());
        }
        Config as = new Config(config.host(), config.port(), config.data(), java.util.Optional.of(restored.base()), config.home(),
                config.oai(), config.sparql(), config.http(), config.queue());
        try (Archive opened = Archive.open(as)) {
            Verification v = Verification.of(opened.store(), opened.listing(), opened.index().sequence(), 10);
            spec.commandLine().getOut().printf("Restored %,d records through change %d (base %s) into %s; the index %s.%n",
                    restored.records(), restored.lastSequence(), restored.base(), config.data(),
                    v.agree() ? "is rebuilt and agrees with the store" : "DISAGREES with the store (" + v.disagreements() + " records)");
            return v.agree() ? 0 : 3;
        }
    }
}
