package org.dhakira.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.dhakira.index.Verification;
import org.dhakira.server.Archive;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check that the search index agrees with the store: every record at its last change, live or deleted as stored, and nothing else.",
                "Exits 0 when they agree, 3 when they do not (each difference is listed; 'dhakira reindex' rebuilds the index)."})
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    ArchiveOptions archive;

    @Option(names = "--limit", description = "List at most this many differences (default: ${DEFAULT-VALUE}); the counts are always whole.",
            defaultValue = "100")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 0) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must not be negative, was " + limit);
        Archive opened;
        try {
            opened = Archive.openToVerify(archive.resolve(java.util.Map.of()));
        } catch (IllegalArgumentException e) {
            throw new ArchiveOptions.UsageException(e.getMessage());
        } catch (IllegalStateException e) {
            spec.commandLine().getOut().println("The index cannot be checked: " + e.getMessage());
            return 3;
        }
        try (opened) {
            Verification v = Verification.of(opened.store(), opened.listing(), opened.index().sequence(), limit);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Store: %,d records through change %d. Index: %,d records through change %d.%n",
                    v.storeRecords(), v.storeChange(), v.indexRecords(), v.indexChange());
            v.differences().forEach(d -> out.println("  " + d));
            if (v.disagreements() > v.differences().size()) out.printf("  … and %,d more%n", v.disagreements() - v.differences().size());
            if (v.agree()) {
                out.println("They agree.");
                return 0;
            }
            out.printf("They disagree%s; 'dhakira reindex' rebuilds the index from the store.%n",
                    v.disagreements() == 0 ? " on how far they have come" : " on " + String.format("%,d", v.disagreements()) + " records");
            return 3;
        }
    }
}
