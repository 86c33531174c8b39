package org.dhakira.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.Adler32;

import org.apache.jena.dboe.base.file.AlreadyLocked;
import org.apache.jena.dboe.base.file.ProcessFileLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mends the end of a TDB2 journal that a killed process left half-written, before TDB2 reads it. TDB2 writes an
 * entry's header and its data in two writes, and its recovery refuses a journal whose last entry stops between them
 * ("Failed to read the journal entry data: wanted 16 bytes, got -1"): the store then cannot be opened at all,
 * though nothing in it was lost. Such an entry is always the last, and a transaction's commit entry comes after its
 * data and is synced before the commit returns, so an entry cut short belongs to a transaction that never
 * committed, which recovery would throw away anyway; cutting the journal before it is what recovery would have done.
 *
 * <p>Only the end is mended: an entry cut short, or one whose checksum fails, with nothing after it. Anything else
 * amiss is left for TDB2 to report.
 */
final class TornJournal {

    private static final Logger LOG = LoggerFactory.getLogger(TornJournal.class);
    /** As TDB2's {@code Journal} writes it: length, checksum, entry type, component id, four bytes each. */
    private static final int HEADER = 16;
    private static final int CHECKSUM_AT = 4;

    private TornJournal() {}

    /**
     * Mends the journal of every generation ({@code Data-NNNN}) in the store folder {@code store}, unless a process
     * has the store open (this one included): its journal is then its own. How many bytes were cut.
     */
    static long mend(Path store) {
        Path lockFile = store.resolve("tdb.lock");
        if (!Files.isRegularFile(lockFile)) return 0;
        ProcessFileLock lock = ProcessFileLock.create(lockFile.toString());
        boolean ours;
        try {
            ours = lock.tryLock();
        } catch (AlreadyLocked openHere) {
            return 0;
        }
        try {
            return ours ? generations(store) : 0; // another process's: TDB2 says so when it is opened
        } finally {
            // Released, not unlocked: a lock unlocked once cannot be taken again, and TDB2 takes its own next.
            ProcessFileLock.release(lock);
        }
    }

    private static long generations(Path store) {
        try (var generations = Files.list(store)) {
            long cut = 0;
            for (Path g : generations.filter(p -> p.getFileName().toString().startsWith("Data-")).toList()) {
                Path journal = g.resolve("journal.jrnl");
                if (Files.isRegularFile(journal)) cut += mendFile(journal);
            }
            return cut;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the store's journal in " + store, e);
        }
    }

    /** Cuts {@code journal} before a last entry cut short or failing its checksum; how many bytes were cut. */
    static long mendFile(Path journal) throws IOException {
        try (FileChannel f = FileChannel.open(journal, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = f.size();
            long at = 0;
            while (at < size) {
                Long next = entryEnd(f, at, size);
                if (next == null) break;
                at = next;
            }
            if (at == size) return 0;
            f.truncate(at);
            f.force(true);
            LOG.warn("The store's journal {} ended in an entry a stopped process left half-written (a transaction that never committed): cut {} bytes at {}",
                    journal, size - at, at);
            return size - at;
        }
    }

    /** Where the entry at {@code at} ends, or null when it is the torn last one (cut short, or its checksum fails with nothing after it). */
    private static Long entryEnd(FileChannel f, long at, long size) throws IOException {
        if (size - at < HEADER) return null;
        ByteBuffer header = read(f, at, HEADER);
        int length = header.getInt(0);
        long end = at + HEADER + Math.max(length, 0);
        if (end > size) return null;
        int checksum = header.getInt(CHECKSUM_AT);
        header.putInt(CHECKSUM_AT, 0);
        Adler32 adler = new Adler32();
        adler.update(header.array());
        if (length > 0) adler.update(read(f, at + HEADER, length));
        if ((int) adler.getValue() != checksum && end == size) return null;
        return end;
    }

    private static ByteBuffer read(FileChannel f, long at, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (f.read(b, at + b.position()) < 0) throw new IOException("the journal ended while being read");
        }
        return b.flip();
    }
}
