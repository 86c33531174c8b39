package org.dhakira.crawl;

import java.time.Duration;

/**
 * How the crawlers' doors are sized: URLs per sitemap page (the protocol's limit is 50,000), how long the dump
 * writer waits after a change before it rewrites the dump, so that a burst of writes costs one rewrite, and
 * whether it writes dumps at all (a benchmark does not want a dump of its whole archive written beside it).
 *
 * <pre>{@code ArchiveServer.start(archive, new CrawlSettings(3, Duration.ofMillis(100))); // for tests}</pre>
 */
public record CrawlSettings(int sitemapPageSize, Duration dumpDelay, boolean dumps) {

    /** The sitemaps.org limit of URLs per sitemap file. */
    public static final int SITEMAP_LIMIT = 50_000;

    public static final CrawlSettings DEFAULTS = new CrawlSettings(SITEMAP_LIMIT, Duration.ofMinutes(1));

    /** No dump written, none served (503): for benchmarks, whose measurements a dump being written would skew. */
    public static final CrawlSettings WITHOUT_DUMPS = new CrawlSettings(SITEMAP_LIMIT, Duration.ofMinutes(1), false);

    public CrawlSettings {
        if (sitemapPageSize < 1 || sitemapPageSize > SITEMAP_LIMIT) {
            throw new IllegalArgumentException("sitemapPageSize must be between 1 and " + SITEMAP_LIMIT + ", was " + sitemapPageSize);
        }
        if (dumpDelay == null || dumpDelay.isNegative()) throw new IllegalArgumentException("dumpDelay must be zero or more, was " + dumpDelay);
    }

    /** Settings that write dumps. */
    public CrawlSettings(int sitemapPageSize, Duration dumpDelay) {
        this(sitemapPageSize, dumpDelay, true);
    }
}
