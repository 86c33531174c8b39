package org.dhakira.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.jena.graph.Node;
import org.dhakira.server.Archive;
import org.dhakira.store.Statistics;
import org.dhakira.vocab.Vocabulary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Print counts: records by kind, documents by type, reliability grade and language.")
final class StatsCommand implements Callable<Integer> {

    @Mixin
    ArchiveOptions archive;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Archive opened = archive.openExisting()) {
            Statistics s = Statistics.of(opened.store());
            PrintWriter out = spec.commandLine().getOut();
            out.println("Records by kind");
            s.byKind().forEach((k, n) -> row(out, k, n));
            row(out, "(deleted)", s.tombstones());
            out.println();
            out.println("Documents by type");
            labelled(out, opened.vocabulary(), s.byDocumentType());
            out.println();
            out.println("Documents by reliability grade");
            labelled(out, opened.vocabulary(), s.byReliability());
            out.println();
            out.println("Documents by original language");
            s.byOriginalLanguage().forEach((k, n) -> row(out, k, n));
            out.println();
            out.println("Documents with a title in");
            s.byTitleLanguage().forEach((k, n) -> row(out, k, n));
            out.flush();
            return 0;
        }
    }

    private static void labelled(PrintWriter out, Vocabulary v, Map<Node, Long> counts) {
        counts.forEach((term, n) -> row(out, v.label(term, "en").orElse(term.toString())
                + v.label(term, "ar").map(ar -> " · " + ar).orElse(""), n));
    }

    private static void row(PrintWriter out, String label, long n) {
        out.printf("  %-40s %,10d%n", label, n);
    }
}
