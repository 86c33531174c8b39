package org.dhakira.bench;

import java.util.List;

/** One benchmark: runs our side and its anchor in the same JVM and run, and returns table lines. */
interface Scenario {
    String name();

    List<Result> run(BenchContext context) throws Exception;
}
