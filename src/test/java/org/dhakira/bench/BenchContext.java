package org.dhakira.bench;

import java.nio.file.Path;

import org.dhakira.server.Archive;
import org.dhakira.vocab.Vocabulary;

/**
 * What scenarios share: the synthetic files, the scratch folder, and (once the load scenario has built it)
 * the archive holding the N records, which later scenarios serve and query.
 */
final class BenchContext {
    final SyntheticArchive.Files3 files;
    final Path scratch;
    final Vocabulary vocabulary;
    final String base;
    Archive archive;

    BenchContext(SyntheticArchive.Files3 files, Path scratch, Vocabulary vocabulary, String base) {
        this.files = files;
        this.scratch = scratch;
        this.vocabulary = vocabulary;
        this.base = base;
    }
}
