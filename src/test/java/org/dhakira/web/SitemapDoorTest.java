package org.dhakira.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.jena.graph.Node;
import org.apache.jena.system.Txn;
import org.dhakira.TestArchives;
import org.dhakira.crawl.CrawlSettings;
import org.dhakira.ingest.Format;
import org.dhakira.ingest.Input;
import org.dhakira.ingest.Progress;
import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code robots.txt} and the sitemap on a real server, with pages of three URLs so that there are many. */
class SitemapDoorTest {

    static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    /** W3C Datetime (https://www.w3.org/TR/NOTE-datetime) to the second, in UTC. */
    static final Pattern W3C_DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    static final int PAGE = 3;

    @TempDir
    static Path dir;

    static Archive archive;
    static ArchiveServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        archive = Archive.open(TestArchives.config(dir));
        archive.loadDemoIfEmpty();
        load(TestArchives.document("withdrawn", "") + "\n");
        load("{\"id\":\"document/withdrawn\",\"kind\":\"document\",\"deleted\":true}\n");
        server = ArchiveServer.start(archive, new CrawlSettings(PAGE, Duration.ofHours(1)));
    }

    @AfterAll
    static void stop() {
        server.close();
        archive.close();
    }

    static void load(String lines) throws Exception {
        archive.loader().load(List.of(Input.of("test.jsonl", Format.JSON, lines)), 0, Progress.NONE);
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An absolute URL under the archive's base, asked of the test server. */
    static HttpResponse<String> follow(String url) throws Exception {
        assertTrue(url.startsWith(TestArchives.BASE), url);
        return get(url.substring(TestArchives.BASE.length()));
    }

    static Document xml(String body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                assertEquals(NS, e.getNamespaceURI(), "every element is in the sitemap namespace");
                assertEquals(name, e.getLocalName(), "only <" + name + "> inside <" + parent.getLocalName() + ">");
                out.add(e);
            }
        }
        return out;
    }

    static String only(Element parent, String name) {
        NodeList l = parent.getElementsByTagNameNS(NS, name);
        assertEquals(1, l.getLength(), "one <" + name + ">");
        return l.item(0).getTextContent();
    }

    /** The live records, read from the store's graphs and their status, not from the listing the sitemap uses. */
    static Set<String> liveDescriptions() {
        RecordStore store = archive.store();
        Set<String> live = new HashSet<>();
        Txn.executeRead(store.dataset(), () -> store.dataset().asDatasetGraph().listGraphNodes().forEachRemaining((Node g) ->
                RecordId.fromIri(store.base(), g.getURI()).filter(id -> store.status(id).orElseThrow() == RecordStore.Status.LIVE)
                        .ifPresent(id -> live.add(store.base() + "doc/" + id.path()))));
        return live;
    }

    /** Every URL of every page the index names, checking each page's shape on the way. */
    static List<String> crawl() throws Exception {
        HttpResponse<String> index = get("sitemap.xml");
        assertEquals(200, index.statusCode());
        assertTrue(index.headers().firstValue("Content-Type").orElseThrow().startsWith("application/xml"));
        Element root = xml(index.body()).getDocumentElement();
        assertEquals(NS, root.getNamespaceURI());
        assertEquals("sitemapindex", root.getLocalName());
        List<Element> sitemaps = children(root, "sitemap");
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < sitemaps.size(); i++) {
            String loc = only(sitemaps.get(i), "loc");
            assertEquals(TestArchives.BASE + "sitemap/" + (i + 1) + ".xml", loc);
            HttpResponse<String> page = follow(loc);
            assertEquals(200, page.statusCode());
            Element urlset = xml(page.body()).getDocumentElement();
            assertEquals("urlset", urlset.getLocalName());
            assertEquals(NS, urlset.getNamespaceURI());
            List<Element> entries = children(urlset, "url");
            assertTrue(!entries.isEmpty() && entries.size() <= PAGE, "page " + (i + 1) + " has 1 to " + PAGE + " URLs: " + entries.size());
            for (Element url : entries) {
                String u = only(url, "loc");
                String lastmod = only(url, "lastmod");
                assertTrue(W3C_DATETIME.matcher(lastmod).matches(), lastmod);
                RecordId id = RecordId.parse(u.substring((TestArchives.BASE + "doc/").length()));
                assertEquals(archive.store().find(id).orElseThrow().datestamp().toString(), lastmod, "lastmod is the record's datestamp");
                urls.add(u);
            }
        }
        return urls;
    }

    @Test
    void severalPagesCoverEveryLiveRecordExactlyOnceAndNoTombstone() throws Exception {
        List<String> urls = crawl();
        Set<String> live = liveDescriptions();
        assertEquals(live.size(), urls.size(), "no URL twice");
        assertEquals(live, new HashSet<>(urls));
        assertTrue(urls.stream().noneMatch(u -> u.endsWith("/withdrawn")), "tombstones are left out");
        assertTrue(urls.size() > 3 * PAGE, "the test needs several pages");
    }

    @Test
    void everyListedUrlAnswers() throws Exception {
        for (String u : crawl()) assertEquals(200, follow(u).statusCode(), u);
    }

    @Test
    void pagesFollowChanges() throws Exception {
        int before = crawl().size();
        // The first demo record changes (and so leaves the first page for the end of the listing), one record is
        // added, and one is added and deleted.
        String firstDemo;
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(
                org.dhakira.vocab.DataFiles.builtIn().open("server/demo/records.jsonl"), java.nio.charset.StandardCharsets.UTF_8))) {
            firstDemo = in.readLine();
        }
        String changed = firstDemo.replace("\"SM-DOC-2017-0207-01\"", "\"SM-DOC-2017-0207-99\"");
        assertTrue(!changed.equals(firstDemo));
        long sequenceBefore = archive.store().find(RecordId.parse("document/coalition-amnesty-saydnaya-2017-02-07")).orElseThrow().sequence();
        load(changed + "\n" + TestArchives.organisation("newcomer", "Newcomer", "القادم") + "\n" + TestArchives.document("late", "") + "\n");
        load("{\"id\":\"document/late\",\"kind\":\"document\",\"deleted\":true}\n");
        assertTrue(archive.store().find(RecordId.parse("document/coalition-amnesty-saydnaya-2017-02-07")).orElseThrow().sequence() > sequenceBefore);
        List<String> after = crawl();
        assertEquals(liveDescriptions(), new HashSet<>(after));
        assertEquals(after.size(), new HashSet<>(after).size(), "no URL twice");
        assertEquals(before + 1, after.size());
    }

    @Test
    void aPageBeyondTheLastIs404() throws Exception {
        int pages = xml(get("sitemap.xml").body()).getElementsByTagNameNS(NS, "sitemap").getLength();
        assertEquals(404, get("sitemap/" + (pages + 1) + ".xml").statusCode());
        assertEquals(404, get("sitemap/0.xml").statusCode());
    }

    @Test
    void conditionalRequestsForTheIndex() throws Exception {
        HttpResponse<String> r = get("sitemap.xml");
        String etag = r.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("sitemap.xml")).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode());
    }

    @Test
    void robotsTxtOpensTheRecordsClosesTheEndlessSpacesAndNamesTheSitemap() throws Exception {
        HttpResponse<String> r = get("robots.txt");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
        List<String> lines = r.body().lines().map(String::trim).toList();
        assertTrue(lines.contains("User-agent: *"));
        for (String closed : List.of("/search", "/sparql", "/oai")) assertTrue(lines.contains("Disallow: " + closed), closed);
        assertTrue(lines.contains("Allow: /doc/"));
        assertTrue(lines.contains("Allow: /id/"));
        assertTrue(lines.contains("Sitemap: " + TestArchives.BASE + "sitemap.xml"), r.body());
        assertTrue(lines.stream().noneMatch(l -> l.equals("Disallow: /") || l.equals("Disallow: /doc/")));
    }
}
