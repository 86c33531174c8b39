/**
 * What the archive gives crawlers and bulk users: the VoID description with its counts, the sitemap's pages, and
 * the full dump, kept fresh in the background.
 */
package org.dhakira.crawl;
