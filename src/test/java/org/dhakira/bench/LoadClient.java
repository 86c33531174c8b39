package org.dhakira.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What sends a benchmark's HTTP requests. wrk when the machine has it: a client in C that takes a few percent of a
 * core, where the JDK's client in the same JVM took as much CPU per request as Jetty serving a static file did,
 * CPU the servers measured beside it then lacked (on two cores, 16,500 static files/s through the JDK's client
 * against 41,000/s through wrk).
 */
interface LoadClient {

    /** C connections asking {@code walk}'s paths in turn for {@code measure}; the walk's cursor moves past them. */
    HttpLoad.Outcome run(Walk walk, Map<String, String> headers, int connections, Duration measure) throws Exception;

    /** Which client this is, for the report. */
    String name();

    /** wrk if it is on the PATH, else the JDK's client in this JVM. */
    static LoadClient best() {
        Optional<LoadClient> wrk = Wrk.find();
        return wrk.orElseGet(InJvm::new);
    }

    /** The JDK's HTTP client, in this JVM. */
    final class InJvm implements LoadClient {
        @Override
        public HttpLoad.Outcome run(Walk walk, Map<String, String> headers, int connections, Duration measure) throws Exception {
            return HttpLoad.run(i -> walk.next(), headers, connections, Duration.ZERO, measure);
        }

        @Override
        public String name() {
            return "java.net.http in this JVM (install wrk for a client that leaves the cores to the servers)";
        }
    }
}
