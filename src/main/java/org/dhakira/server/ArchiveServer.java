package org.dhakira.server;

import java.net.URI;

import org.dhakira.crawl.CrawlSettings;
import org.dhakira.crawl.DumpWriter;
import org.dhakira.crawl.Sitemap;
import org.dhakira.crawl.VoidDescription;
import org.dhakira.describe.Descriptions;
import org.dhakira.sparql.Gallery;
import org.dhakira.web.Admission;
import org.dhakira.web.ApiAuthentication;
import org.dhakira.web.ApiTokens;
import org.dhakira.web.RecordWriteResource;
import org.dhakira.web.HarvestResource;
import org.dhakira.web.BrowseResource;
import org.dhakira.web.CanonicalPaths;
import org.dhakira.web.CrossOrigin;
import org.dhakira.web.DescriptionAnswers;
import org.dhakira.web.DescriptionDoor;
import org.dhakira.web.DumpResource;
import org.dhakira.web.HealthResource;
import org.dhakira.web.HomeResource;
import org.dhakira.web.LenientHeaders;
import org.dhakira.web.NoSniff;
import org.dhakira.web.OaiResource;
import org.dhakira.web.OperationsResource;
import org.dhakira.web.RecordPage;
import org.dhakira.web.RecordResource;
import org.dhakira.web.RequestLimits;
import org.dhakira.web.RobotsResource;
import org.dhakira.web.SearchResource;
import org.dhakira.web.SitemapResource;
import org.dhakira.web.SparqlRefusalMapper;
import org.dhakira.web.SparqlResource;
import org.dhakira.web.StaticResource;
import org.dhakira.web.Templates;
import org.dhakira.web.UnexpectedErrorMapper;
import org.dhakira.web.VocabularyResource;
import org.dhakira.web.VoidResource;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.message.DeflateEncoder;
import org.glassfish.jersey.message.GZipEncoder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.filter.EncodingFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive on HTTP: Jetty 12 and Jersey, with the resources created here and handed over as instances.
 *
 * <pre>{@code try (ArchiveServer server = ArchiveServer.start(archive)) {
 *     System.out.println(server.uri()); // http://localhost:8080/
 *     server.join();
 * }}</pre>
 *
 * Port 0 in the configuration picks a free port; {@link #port()} tells which.
 */
public final class ArchiveServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveServer.class);
    /**
     * Jersey warns that every resource registered as an instance "will be ignored" as a provider, which it never
     * was meant to be; thirteen such lines at each start hide the warnings that matter. Held here because
     * java.util.logging keeps its loggers only weakly.
     */
    private static final java.util.logging.Logger PROVIDER_CHECKS = quiet("org.glassfish.jersey.internal.inject.Providers");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
        l.setLevel(java.util.logging.Level.SEVERE);
        return l;
    }

    /** Rendered descriptions kept while the store is unchanged: some thousands of records' pages. */
    static final long RENDITION_BYTES = 64L << 20;

    private final Server jetty;
    private final DumpWriter dumps;

    private ArchiveServer(Server jetty, DumpWriter dumps) {
        this.jetty = jetty;
        this.dumps = dumps;
    }

    public static ArchiveServer start(Archive archive) {
        return start(archive, CrawlSettings.DEFAULTS);
    }

    /** With the crawlers' doors sized by {@code crawl} (small sitemap pages and a short dump delay, for tests). */
    public static ArchiveServer start(Archive archive, CrawlSettings crawl) {
        Config config = archive.config();
        // Read first: a token file that cannot be read stops the start before anything runs.
        java.util.Optional<ApiTokens> tokens = config.api().tokens().map(ApiTokens::from);
        DumpWriter dumps = DumpWriter.start(archive.store(), config.data().resolve("dumps"), crawl.dumpDelay(), crawl.dumps());
        // Jersey logs through java.util.logging; route it to log4j before Jersey starts.
        System.setProperty("java.util.logging.manager", "org.apache.logging.log4j.jul.LogManager");
        Templates templates = new Templates(config.dataFiles());
        Config.Queue q = config.queue();
        Admission heavy = new Admission("SPARQL queries and VoID counts", q.running(), q.waiting(), q.maxWait());
        // One write runs at a time (the store has one writer); the others wait here, a bounded line, not in the store.
        java.util.Optional<Admission> writes = tokens.map(t -> new Admission("writes", 1, config.api().writesWaiting(), config.api().writesWait()));
        DescriptionAnswers answers = new DescriptionAnswers(new Descriptions(archive.store()), archive.store(),
                new RecordPage(templates, archive.store().vocabulary(), archive.store().uris()), config.oai().license(), RENDITION_BYTES);
        ResourceConfig resources = new ResourceConfig()
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .register(new RecordResource(answers, archive.store()))
                .register(new RequestLimits(config.http().maxBody(), config.http().maxUriLength()))
                .register(new CrossOrigin())
                .register(new NoSniff())
                .register(new LenientHeaders())
                .register(new CanonicalPaths(archive.base()))
                .register(new HealthResource(archive.store(), archive.index(), heavy, writes))
                .register(new HomeResource(archive.store(), archive.search(), templates))
                .register(new BrowseResource(archive.search(), archive.vocabulary(), templates))
                .register(new SearchResource(archive.search(), archive.store(), templates))
                .register(new StaticResource(config.dataFiles()))
                .register(new OaiResource(archive.oai(), config.dataFiles()))
                .register(new SparqlResource(archive.sparql(), heavy, templates, Gallery.load(config.dataFiles())))
                .register(new SparqlRefusalMapper())
                .register(new VoidResource(archive.sparql(), heavy, new VoidDescription(archive.store(), archive.listing(), dumps, config.oai().license())))
                .register(new VocabularyResource(archive.vocabulary(), archive.base(), templates))
                .register(new DumpResource(dumps, archive.base(), templates))
                .register(new SitemapResource(new Sitemap(archive.listing(), archive.store(), crawl.sitemapPageSize())))
                .register(new RobotsResource(archive.base(), templates))
                .register(new HarvestResource(archive.harvester(), archive::peers, archive::configuredPeers, templates))
                .register(new UnexpectedErrorMapper());
        // The one door that writes exists only with tokens to open it (DESIGN.md, invariant 7).
        tokens.ifPresent(t -> resources.register(new ApiAuthentication(t))
                .register(new RecordWriteResource(archive.loader(), archive.store(), writes.orElseThrow()))
                .register(new OperationsResource(archive.store())));
        // gzip and deflate for clients that ask (OAI-PMH's Identify promises both).
        EncodingFilter.enableFor(resources,
                GZipEncoder.class, DeflateEncoder.class);
        java.net.InetAddress address;
        try {
            address = java.net.InetAddress.getByName(config.host());
        } catch (java.net.UnknownHostException e) {
            dumps.close();
            throw new IllegalArgumentException("host '" + config.host() + "' is not an address or a name this machine can resolve");
        }
        URI bind = URI.create("http://localhost:" + config.port() + "/");
        Server jetty = JettyHttpContainerFactory.createServer(bind, resources, false);
        // Jersey's factory takes only the port from the URI; the interface is set on the connector.
        ServerConnector connector = (ServerConnector) jetty.getConnectors()[0];
        connector.setHost(address.getHostAddress());
        HttpConfiguration http = connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration();
        http.setSendServerVersion(false);
        // The request line and headers together; Jetty answers 431 beyond it (414 when the URI alone is past it).
        http.setRequestHeaderSize(config.http().maxHeaderSize());
        connector.setIdleTimeout(config.http().idleTimeout().toMillis());
        // The descriptions' door before Jersey, which answers what it leaves (DescriptionDoor says what).
        HeadDeadline deadline = new HeadDeadline(new DescriptionDoor(jetty.getHandler(), answers, config.http().maxUriLength()),
                config.http().headTimeout());
        // Outermost: the id is there for everything inside, and for the access log after.
        jetty.setHandler(new RequestIds(deadline));
        jetty.setRequestLog(new AccessLog(tokens));
        connector.addBean(deadline, false); // as the listener of its connections only; the server runs it as a handler
        // Finish the requests in flight before stopping, for a graceful shutdown.
        jetty.setStopTimeout(10_000);
        jetty.setStopAtShutdown(false);
        try {
            jetty.start();
        } catch (Exception e) {
            try {
                jetty.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            dumps.close();
            throw new IllegalStateException("cannot start the server on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        ArchiveServer server = new ArchiveServer(jetty, dumps);
        LOG.info("Listening on {}:{}, base URI {}", config.host(), server.port(), archive.base());
        tokens.ifPresentOrElse(t -> LOG.info("Write API at /api/records, tokens {} from {}", t.names(), config.api().tokens().get()),
                () -> LOG.info("No write API (api.tokens is not set)"));
        return server;
    }

    /** The port actually bound. */
    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** The server's loopback address, such as {@code http://localhost:8080/}. */
    public URI uri() {
        return URI.create("http://localhost:" + port() + "/");
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (java.util.concurrent.TimeoutException graceRanOut) {
            // Jetty stops everything after the grace period all the same, and adds what failed in stopping to this
            // exception. What outlives the grace is a response Jersey never completes when its client hung up while
            // it was being sent (wrk's runs end so, on every connection): a warning, not a failure.
            if (graceRanOut.getSuppressed().length > 0) throw new IllegalStateException("the server did not stop cleanly", graceRanOut);
            LOG.warn("Stopped after the {} s grace period; responses still unsent then were cut (clients that hang up"
                    + " mid-response leave such)", jetty.getStopTimeout() / 1000);
        } catch (Exception e) {
            throw new IllegalStateException("the server did not stop cleanly", e);
        } finally {
            dumps.close();
        }
    }
}
