package org.dhakira.ingest;

import java.util.List;

/**
 * Input that was refused whole: nothing was written. Carries every problem found (up to a cap) and how many
 * there were in all.
 */
public final class InvalidInputException extends Exception {

    private final transient List<Problem> problems;
    private final long total;

    public InvalidInputException(List<Problem> problems, long total) {
        super(total + (total == 1 ? " problem" : " problems") + " in the input; nothing was written"
                + (problems.isEmpty() ? "" : ". First: " + problems.get(0)));
        this.problems = List.copyOf(problems);
        this.total = total;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** All problems found, which may be more than {@link #problems()} holds. */
    public long total() {
        return total;
    }
}
