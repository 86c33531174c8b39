package org.dhakira.crawl;

import java.time.Duration;

/**
 * How the crawlers' doors are sized: URLs per sitemap page (the protocol's limit is 50,000) and how long the dump
 * writer waits after a change before it rewrites the dump, so that a burst of writes costs one rewrite.
 *
 * <pre>{@code ArchiveServer.start(archive, new CrawlSettings(3, Duration.ofMillis(100))); // for tests}</pre>
 */
public record CrawlSettings(int sitemapPageSize, Duration dumpDelay) {

    /** The sitemaps.org limit of URLs per sitemap file. */
    public static final int SITEMAP_LIMIT = 50_000;

    public static final CrawlSettings DEFAULTS = new CrawlSettings(SITEMAP_LIMIT, Duration.ofMinutes(1));

    public CrawlSettings {
        if (sitemapPageSize < 1 || sitemapPageSize > SITEMAP_LIMIT) {
            throw new IllegalArgumentException("sitemapPageSize must be between 1 and " + SITEMAP_LIMIT + ", was " + sitemapPageSize);
        }
        if (dumpDelay == null || dumpDelay.isNegative()) throw new IllegalArgumentException("dumpDelay must be zero or more, was " + dumpDelay);
    }
}
