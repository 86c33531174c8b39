package org.dhakira.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.dhakira.harvest.HarvestSchedule;
import org.dhakira.ingest.LoadReport;
import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.dhakira.server.Config;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the archive's HTTP server; stops cleanly on Ctrl-C or SIGTERM.")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    ArchiveOptions archive;

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default 8080; 0 picks a free one).")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Interface to listen on (default 0.0.0.0).")
    String host;

    @Option(names = "--demo", description = "Load the demo records if the store is empty.")
    boolean demo;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, String> flags = new LinkedHashMap<>();
        if (port != null) flags.put("port", port.toString());
        if (host != null) flags.put("host", host);
        Config config = archive.resolve(flags);
        Archive opened = ArchiveOptions.open(config, false);
        if (demo) {
            try {
                LoadReport r = opened.loadDemoIfEmpty();
                if (r.records() > 0) spec.commandLine().getOut().printf("Loaded %d demo records.%n", r.records());
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        }
        ArchiveServer server;
        try {
            server = ArchiveServer.start(opened);
        } catch (IllegalArgumentException e) {
            opened.close();
            throw new ArchiveOptions.UsageException(e.getMessage());
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        HarvestSchedule schedule = HarvestSchedule.start(opened.harvester(), opened.configuredPeers(), java.time.Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                try {
                    schedule.close();
                    server.close();
                } finally {
                    opened.close();
                }
                System.err.println("Dhakira stopped.");
            } finally {
                stopped.countDown();
                // log4j's own shutdown hook is off (log4j2.xml), so that logging works until here.
                org.apache.logging.log4j.LogManager.shutdown();
            }
        }, "dhakira-shutdown"));
        spec.commandLine().getOut().printf("Dhakira is serving %s at %s (data in %s)%n",
                opened.base(), server.uri(), config.data().toAbsolutePath());
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
