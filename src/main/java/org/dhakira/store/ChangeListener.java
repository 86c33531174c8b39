package org.dhakira.store;

/**
 * Hears every change of every batch, for what is derived from the store (the search index). Calls come on the
 * writing thread, one batch at a time: {@link #changed} inside the transaction, then either
 * {@link #beforeCommit} and {@link #afterCommit} around the store's commit, or {@link #afterAbort}.
 * A failure in {@code beforeCommit} aborts the batch; after the store has committed, nothing can undo it, so
 * {@code afterCommit} must not throw (a derived copy that missed it catches up from the store later).
 */
public interface ChangeListener {
    void changed(Change change, Batch batch);

    void beforeCommit(long lastSequence);

    void afterCommit(long lastSequence);

    void afterAbort();
}
