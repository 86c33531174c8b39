package org.dhakira.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;

/**
 * The whole store as N-Quads — every record graph and, in the default graph, the bookkeeping (sequence numbers,
 * datestamps, tombstones' former terms, the base) — and a store made again from such a file. Unlike an export,
 * which loads back as new changes with new datestamps, a restored store is the same archive: its OAI datestamps
 * and sequence numbers are the ones harvesters have seen, so they do not harvest it all again.
 *
 * <pre>{@code Backup.write(store, out);
 * Backup.Restored r = Backup.restore(Path.of("data/store"), in);}</pre>
 */
public final class Backup {
    private Backup() {}

    /** What a restore made: the base the archive was made with, its records, and its last change. */
    public record Restored(String base, long records, long lastSequence) {}

    /** A file that is not a whole backup of a Dhakira store; nothing was written. */
    public static final class NotABackupException extends Exception {
        public NotABackupException(String message) {
            super(message);
        }
    }

    /**
     * Streams one consistent snapshot (one read transaction) of every quad, bookkeeping first, and returns the last
     * change it holds. The store's writers go on meanwhile: a TDB2 reader sees the state it began with and holds no
     * lock that a writer waits for.
     */
    public static long write(RecordStore store, OutputStream out) {
        return store.read(dsg -> {
            long sequence = RecordStore.position(dsg).sequence();
            StreamRDF sink = StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS_UTF8);
            sink.start();
            dsg.find(Quad.defaultGraphIRI, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q ->
                    sink.quad(Quad.create(Quad.defaultGraphIRI, q.getSubject(), q.getPredicate(), q.getObject())));
            dsg.findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(sink::quad);
            sink.finish();
            return sequence;
        });
    }

    /**
     * Makes the store in {@code folder} (which must not hold one) from a backup, in one write transaction, and
     * checks it is whole: the archive's base and last change, and the bookkeeping of every record graph. On any
     * problem the folder is left as it was found.
     */
    public static Restored restore(Path folder, InputStream nquads) throws NotABackupException {
        if (RecordStore.exists(folder)) throw new NotABackupException("there is a store in " + folder + " already; restore into an empty data folder");
        boolean existed = Files.exists(folder);
        Dataset ds = TDB2Factory.connectDataset(folder.toString());
        try {
            return Txn.calculateWrite(ds, () -> {
                DatasetGraph dsg = ds.asDatasetGraph();
                Set<Node> graphs = new HashSet<>();
                try {
                    RDFParser.source(nquads).lang(Lang.NQUADS).parse(new StreamRDFBase() {
                        @Override
                        public void quad(Quad q) {
                            if (!q.isDefaultGraph()) graphs.add(q.getGraph());
                            dsg.add(q.isDefaultGraph() ? Quad.create(Quad.defaultGraphIRI, q.asTriple()) : q);
                        }

                        @Override
                        public void triple(org.apache.jena.graph.Triple t) {
                            dsg.add(Quad.create(Quad.defaultGraphIRI, t));
                        }
                    });
                } catch (RiotException e) {
                    throw new Refused("the backup cannot be read: " + e.getMessage());
                }
                Optional<Node> base = RecordStore.systemValue(dsg, Sys.ARCHIVE, Sys.base);
                Optional<Node> last = RecordStore.systemValue(dsg, Sys.ARCHIVE, Sys.lastSequence);
                if (base.isEmpty() || last.isEmpty()) {
                    throw new Refused("this is not a backup of a Dhakira store (it has no bookkeeping; an export loads with 'dhakira load')");
                }
                for (Node g : graphs) {
                    if (RecordStore.systemValue(dsg, g, Sys.sequence).isEmpty() || RecordStore.systemValue(dsg, g, Sys.datestamp).isEmpty()) {
                        throw new Refused("the backup is not whole: the record " + g + " has no sequence number or datestamp");
                    }
                }
                return new Restored(base.get().getURI(), graphs.size(), Long.parseLong(last.get().getLiteralLexicalForm()));
            });
        } catch (Refused r) {
            ds.close();
            org.apache.jena.tdb2.sys.TDBInternal.expel(ds.asDatasetGraph());
            clear(folder, existed);
            throw new NotABackupException(r.getMessage());
        }
    }

    /** Carries a refusal out of the write transaction, which it aborts. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Removes what the refused restore made in {@code folder}: the folder too, unless it was there before. */
    private static void clear(Path folder, boolean keepFolder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(folder) || !keepFolder) Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + folder + " after a refused restore", e);
        }
    }
}
