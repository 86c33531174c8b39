package org.dhakira.index;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * One thread that runs index work in the order it was handed in, while the store's writer goes on with the next
 * record. Handing in blocks when 256 tasks wait, so memory stays bounded; {@link #drain()} returns once
 * everything handed in before it has run.
 */
final class IndexingQueue implements AutoCloseable {

    private final BlockingQueue<Runnable> tasks = new ArrayBlockingQueue<>(256);
    private final Thread worker;
    private volatile boolean closed;

    IndexingQueue() {
        worker = new Thread(this::work, "dhakira-indexing");
        worker.setDaemon(true);
        worker.start();
    }

    private void work() {
        while (!closed) {
            try {
                tasks.take().run();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Queues {@code task}, waiting for room; the task handles its own failures. */
    void submit(Runnable task) {
        try {
            tasks.put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing work to the index", e);
        }
    }

    /** Waits until every task handed in so far has run. */
    void drain() {
        CountDownLatch done = new CountDownLatch(1);
        submit(done::countDown);
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the index", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
    }
}
