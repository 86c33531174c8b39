package org.dhakira.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dhakira.TestArchives;
import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The pages people read, served by a real Jetty over the demo records (and a few made here), read back with
 * jsoup as a browser's parser reads them.
 */
class RecordPagesTest {

    @TempDir
    static Path dir;

    static Archive archive;
    static ArchiveServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    /** The demo records as typed, by id: the exact strings the pages must show. */
    static final Map<String, JsonNode> DEMO = new HashMap<>();

    static final String SEED = "document/coalition-amnesty-saydnaya-2017-02-07";
    static final String LETTER = "document/demo-letter-turkish-army-iraq-syria-2019-10-10";
    static final String HOSTILE_TITLE = "<script>alert(1)</script>";
    static final String HOSTILE_ARABIC_TITLE = "</script><b>عنوان «خطر»</b>";
    static final String HOSTILE_BODY = "Before </script><b>bold</b> & after <!-- a comment";

    @BeforeAll
    static void start() throws Exception {
        for (String line : Files.readAllLines(Path.of("server/demo/records.jsonl"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) DEMO.put(JSON.readTree(line).get("id").asText(), JSON.readTree(line));
        }
        archive = Archive.open(TestArchives.config(dir));
        archive.loadDemoIfEmpty();
        TestArchives.load(archive.store(), JSON.writeValueAsString(Map.of("id", "document/hostile", "kind", "document",
                "type", "leaflet", "reliability", "undetermined", "issued", "2020-01-01", "originalLanguage", "en",
                "title", Map.of("en", HOSTILE_TITLE, "ar", HOSTILE_ARABIC_TITLE), "body", Map.of("en", HOSTILE_BODY))) + "\n");
        // An organisation more documents name than a page shows.
        StringBuilder busy = new StringBuilder(TestArchives.organisation("busy", "Busy Body", "هيئة مشغولة")).append('\n');
        for (int i = 0; i < 102; i++) {
            busy.append(TestArchives.document("busy-" + i, "\"relatedOrganisations\":[\"organisation/busy\"]")).append('\n');
        }
        TestArchives.load(archive.store(), busy.toString());
        TestArchives.load(archive.store(), TestArchives.document("withdrawn", "") + "\n");
        TestArchives.load(archive.store(), "{\"id\":\"document/withdrawn\",\"kind\":\"document\",\"deleted\":true}\n");
        server = ArchiveServer.start(archive);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (archive != null) archive.close();
    }

    static HttpResponse<String> get(String path, String acceptLanguage) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path)).header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        if (acceptLanguage != null) b.header("Accept-Language", acceptLanguage);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void aLanguageTheReaderChoseStaysChosenFromPageToPage() throws Exception {
        String english = "en-US,en;q=0.9";
        Document d = page("doc/" + SEED + "?lang=ar", english);
        assertEquals("ar", d.selectFirst("html").attr("lang"), "the choice beats the browser");
        org.jsoup.nodes.Element issuer = d.selectFirst("a[href^=/doc/organisation/]");
        assertTrue(issuer.attr("href").endsWith("?lang=ar"), issuer.attr("href"));
        assertEquals("ar", page(issuer.attr("href").substring(1), english).selectFirst("html").attr("lang"));
        HttpResponse<String> r = get("doc/" + SEED + "?lang=ar", english);
        assertTrue(r.headers().firstValue("Content-Location").orElseThrow().endsWith(SEED + ".html?lang=ar"));
        Document unchosen = page("doc/" + SEED);
        assertFalse(unchosen.selectFirst("a[href^=/doc/organisation/]").attr("href").contains("lang="),
                "Arabic by default needs no parameter");
    }

    static Document page(String path) throws IOException, InterruptedException {
        return page(path, null);
    }

    static Document page(String path, String acceptLanguage) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path, acceptLanguage);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        return Jsoup.parse(r.body(), server.uri().toString());
    }

    static String demo(String id, String field, String lang) {
        return DEMO.get(id).get(field).get(lang).asText();
    }

    static Element field(Document d, String key) {
        Element f = d.selectFirst(".basic-information [data-field=" + key + "]");
        assertNotNull(f, "no field " + key);
        return f;
    }

    static List<String> hrefs(Element e) {
        return e.select("a[href]").eachAttr("href");
    }

    static JsonNode jsonLd(Document d) throws IOException {
        Element script = d.selectFirst("script[type=application/ld+json]");
        assertNotNull(script, "no JSON-LD");
        return JSON.readTree(script.data());
    }

    @Test
    void aDocumentPageShowsTheBasicInformationAsTheArchiveDoes() throws Exception {
        Document d = page("doc/" + SEED);
        assertEquals("ar", d.selectFirst("html").attr("lang"));
        assertEquals("rtl", d.selectFirst("html").attr("dir"));
        assertEquals("المعلومات الأساسية", d.selectFirst("#basic-information").text());
        assertEquals(demo(SEED, "title", "ar"), d.selectFirst("h1").text());

        Element issued = field(d, "issued");
        assertEquals("تاريخ الصدور", issued.selectFirst("dt").text());
        assertEquals("2017-02-07", issued.selectFirst("time").attr("datetime"));
        assertTrue(issued.text().contains("7 شباط 2017"), issued.text());
        assertTrue(issued.text().contains("10 جمادى الأولى 1438 هـ"), "the Hijri (Umm al-Qura) date: " + issued.text());

        assertEquals("نوع الوثيقة", field(d, "documentType").selectFirst("dt").text());
        assertEquals("بيان صحفي", field(d, "documentType").selectFirst("dd").text());
        assertEquals(List.of("/browse/type/press-statement"), hrefs(field(d, "documentType")));
        assertEquals("البلد المستهدف", field(d, "targetCountry").selectFirst("dt").text());
        assertEquals(List.of("/doc/place/syria"), hrefs(field(d, "targetCountry")));
        assertEquals("سوريا", field(d, "targetCountry").selectFirst("a bdi").text());
        assertEquals("كود الذاكرة السورية", field(d, "archiveCode").selectFirst("dt").text());
        assertEquals("SM-DOC-2017-0207-01", field(d, "archiveCode").selectFirst("dd").text());
        assertEquals(List.of("/doc/organisation/syrian-coalition"), hrefs(field(d, "issuer")));

        Element organisations = field(d, "relatedOrganisation");
        assertEquals("كيانات متعلقة", organisations.selectFirst("dt").text());
        assertEquals(6, organisations.select("a[href^=/doc/organisation/]").size());
        Element amnesty = organisations.selectFirst("a[href=/doc/organisation/amnesty-international] bdi");
        assertEquals("منظمة العفو الدولية", amnesty.text());
        assertEquals("ar", amnesty.attr("lang"));

        Element persons = field(d, "relatedPerson");
        assertEquals("شخصيات مرتبطة", persons.selectFirst("dt").text());
        assertEquals("لايوجد معلومات حالية", persons.selectFirst("dd").text(), "an empty field says so");
        assertEquals("يوميات مرتبطة", field(d, "relatedEvent").selectFirst("dt").text());
        assertEquals(List.of("/doc/event/2017-02-07-amnesty-saydnaya-report"), hrefs(field(d, "relatedEvent")));
        assertEquals(List.of("/doc/place/saydnaya-prison"), hrefs(field(d, "relatedPlace")));
        assertEquals(List.of("/doc/document/amnesty-human-slaughterhouse-2017-02-07"), hrefs(field(d, "relatedDocument")));
        assertEquals("درجة الموثوقية", field(d, "reliability").selectFirst("dt").text());
        assertEquals("لم يتم التأكد من صحتها", field(d, "reliability").selectFirst("dd").text());
        assertEquals(List.of(DEMO.get(SEED).get("sourceUrl").asText()), hrefs(field(d, "sourceUrl")));
        assertNotNull(d.selectFirst("header.site form.search input[name=q]"), "the search box is on every page");
    }

    @Test
    void aDocumentShowsItsOriginalAndItsTranslationEachInItsLanguage() throws Exception {
        Document d = page("doc/" + SEED);
        Element original = d.selectFirst("article.version.original");
        assertEquals("ar", original.attr("lang"));
        assertEquals("rtl", original.attr("dir"));
        assertTrue(original.selectFirst(".marker").text().startsWith("الأصل"), original.selectFirst(".marker").text());
        assertEquals(demo(SEED, "title", "ar"), original.selectFirst(".title").text());
        assertEquals(demo(SEED, "summary", "ar"), original.selectFirst(".summary").text());

        Element translation = d.selectFirst("article.version.translation");
        assertEquals("en", translation.attr("lang"));
        assertEquals("ltr", translation.attr("dir"));
        assertTrue(translation.selectFirst(".marker").text().startsWith("ترجمة"));
        assertEquals("ar", translation.selectFirst(".marker").attr("lang"), "the marker is in the page's language");
        assertEquals(demo(SEED, "title", "en"), translation.selectFirst(".title").text());
        List<String> paragraphs = List.of(demo(SEED, "body", "en").split("\n\n"));
        assertEquals(paragraphs, translation.select(".body p").eachText(), "the body, paragraph by paragraph");
    }

    @Test
    void mixedDirectionTextStaysIntact() throws Exception {
        Document d = page("doc/" + LETTER + "?lang=en");
        assertEquals("Letter on الجيش التركي in Iraq & سوريا", d.selectFirst("h1").text());
        assertEquals("en", d.selectFirst("h1 bdi").attr("lang"));
        Element arabic = d.selectFirst("article.version[lang=ar]");
        assertEquals("rtl", arabic.attr("dir"));
        assertEquals(demo(LETTER, "body", "ar"), arabic.selectFirst(".body").wholeText().strip(),
                "the Arabic body with its right-to-left mark");
        assertEquals(demo(LETTER, "body", "en"), d.selectFirst("article.version[lang=en] .body").text());
        assertTrue(d.selectFirst("article.version[lang=en] .body").text().contains("«الجيش التركي in Iraq & سوريا»"));
    }

    @Test
    void englishByLinkAndByAcceptLanguage() throws Exception {
        for (Document d : List.of(page("doc/" + SEED + "?lang=en"), page("doc/" + SEED, "en-GB,en;q=0.9,ar;q=0.5"))) {
            assertEquals("en", d.selectFirst("html").attr("lang"));
            assertEquals("ltr", d.selectFirst("html").attr("dir"));
            assertEquals(demo(SEED, "title", "en"), d.selectFirst("h1").text());
            assertEquals("Basic information", d.selectFirst("#basic-information").text());
            assertEquals("Date of issue", field(d, "issued").selectFirst("dt").text());
            assertTrue(field(d, "issued").text().contains("7 February 2017"));
            assertTrue(field(d, "issued").text().contains("10 Jumada I 1438 AH"));
            assertEquals("No current information", field(d, "relatedPerson").selectFirst("dd").text());
            assertEquals("Not verified", field(d, "reliability").selectFirst("dd").text());
            assertEquals("Amnesty International", field(d, "relatedOrganisation")
                    .selectFirst("a[href^=/doc/organisation/amnesty-international] bdi").text());
            assertEquals("ar", d.selectFirst("header.site a.language").attr("lang"), "the way back to Arabic");
        }
        Document english = page("doc/" + SEED + "?lang=en");
        assertEquals("/doc/organisation/amnesty-international?lang=en",
                field(english, "relatedOrganisation").selectFirst("a[href*=amnesty]").attr("href"), "links keep the language");
        assertEquals("/doc/" + SEED + "?lang=ar", english.selectFirst("header.site a.language").attr("href"));
    }

    @Test
    void anOrganisationPageListsTheDocumentsNamingIt() throws Exception {
        Document d = page("doc/organisation/amnesty-international");
        assertEquals("منظمة العفو الدولية", d.selectFirst("h1").text());
        assertTrue(d.select(".aliases bdi[lang=ar]").eachText().contains("العفو الدولية"));
        assertTrue(d.select(".aliases bdi[lang=en]").eachText().contains("Amnesty"));
        assertEquals(demo("organisation/amnesty-international", "summary", "ar"), d.selectFirst(".version[lang=ar] .summary").text());
        List<String> referrers = hrefs(d.selectFirst(".referrer-list"));
        assertTrue(referrers.contains("/doc/" + SEED), referrers.toString());
        assertTrue(referrers.contains("/doc/document/amnesty-human-slaughterhouse-2017-02-07"));
        assertTrue(referrers.contains("/doc/event/2017-02-07-amnesty-saydnaya-report"));
        assertEquals(demo(SEED, "title", "ar"), d.selectFirst(".referrer-list a[href=/doc/" + SEED + "]").text());
        assertEquals("العدد: 3", d.selectFirst(".referrers .count").text());
        assertEquals("Organization", jsonLd(d).get("@type").asText());
    }

    @Test
    void aLongListShowsHowManyOfHowManyAndLinksToAll() throws Exception {
        Document d = page("doc/organisation/busy?lang=en");
        assertEquals(100, d.select(".referrer-list li").size());
        assertTrue(d.selectFirst(".referrers .count").text().startsWith("100 of 102 shown."), d.selectFirst(".referrers .count").text());
        assertEquals("/search?organisation=busy&sort=newest", d.selectFirst(".referrers a.all").attr("href"));
    }

    @Test
    void personPlaceAndEventPagesShowTheirNamesDatesAndRecords() throws Exception {
        Document person = page("doc/person/walid-al-muallem");
        assertEquals("وليد المعلم", person.selectFirst("h1").text());
        assertTrue(person.select(".aliases bdi[lang=en]").eachText().contains("Walid Moallem"));
        assertEquals(List.of("/doc/event/2014-01-22-geneva-ii-conference-opens"), hrefs(person.selectFirst(".referrer-list")));
        assertEquals("Person", jsonLd(person).get("@type").asText());

        Document place = page("doc/place/saydnaya-prison?lang=en");
        assertEquals("Saydnaya Prison", place.selectFirst("h1").text());
        assertTrue(hrefs(place.selectFirst(".referrer-list")).contains("/doc/" + SEED + "?lang=en"));
        assertEquals("Place", jsonLd(place).get("@type").asText());

        Document event = page("doc/event/2017-02-07-amnesty-saydnaya-report");
        assertEquals(demo("event/2017-02-07-amnesty-saydnaya-report", "title", "ar"), event.selectFirst("h1").text());
        assertEquals("2017-02-07", field(event, "date").selectFirst("time").attr("datetime"));
        assertEquals(3, field(event, "relatedOrganisation").select("a").size());
        assertTrue(hrefs(event.selectFirst(".referrer-list")).contains("/doc/" + SEED));
        JsonNode ld = jsonLd(event);
        assertEquals("Event", ld.get("@type").asText());
        assertEquals("2017-02-07", ld.get("startDate").asText());
    }

    @Test
    void markupInARecordIsShownAsTextEvenInsideTheJsonLd() throws Exception {
        HttpResponse<String> r = get("doc/document/hostile?lang=en", null);
        assertFalse(r.body().contains("<script>alert(1)"), "the title is escaped");
        assertFalse(r.body().contains("</script><b>"), "nothing closes a script element or opens a <b>");
        Document d = Jsoup.parse(r.body());
        assertEquals(HOSTILE_TITLE, d.selectFirst("h1").text());
        assertEquals(HOSTILE_TITLE, d.selectFirst("title").text().replace(" — Dhakira", ""));
        assertEquals(HOSTILE_BODY, d.selectFirst("article.version[lang=en] .body").text());
        assertEquals(HOSTILE_ARABIC_TITLE, d.selectFirst("article.version[lang=ar] .title").text());
        assertTrue(d.select("main b").isEmpty(), "no element was made from the text");
        assertEquals(List.of("application/ld+json"), d.select("script").eachAttr("type"), "the JSON-LD is the only script");

        JsonNode ld = jsonLd(d);
        assertFalse(d.selectFirst("script[type=application/ld+json]").data().contains("<"), "no < at all inside the script");
        Map<String, String> names = new HashMap<>();
        ld.get("name").forEach(n -> names.put(n.get("@language").asText(), n.get("@value").asText()));
        assertEquals(Map.of("en", HOSTILE_TITLE, "ar", HOSTILE_ARABIC_TITLE), names, "the JSON-LD reads back to the same text");
        assertEquals(HOSTILE_BODY, ld.get("text").get(0).get("@value").asText());
    }

    @Test
    void theJsonLdIsASchemaOrgArchiveComponent() throws Exception {
        JsonNode ld = jsonLd(page("doc/" + SEED));
        assertEquals("https://schema.org", ld.get("@context").asText());
        List<String> types = new ArrayList<>();
        ld.get("@type").forEach(t -> types.add(t.asText()));
        assertEquals(List.of("CreativeWork", "ArchiveComponent"), types);
        assertEquals(TestArchives.BASE + "id/" + SEED, ld.get("@id").asText());
        assertEquals("SM-DOC-2017-0207-01", ld.get("identifier").asText());
        assertEquals("2017-02-07", ld.get("datePublished").asText());
        assertEquals("2017-02-07", ld.get("dateCreated").asText());
        assertEquals("ar", ld.get("inLanguage").asText());
        assertEquals(TestArchives.BASE + "id/organisation/syrian-coalition", ld.get("creator").get(0).get("@id").asText());
        assertEquals("Organization", ld.get("publisher").get(0).get("@type").asText());
        assertEquals("ArchiveOrganization", ld.get("holdingArchive").get("@type").asText());
        List<String> about = new ArrayList<>();
        ld.get("about").forEach(a -> about.add(a.get("@id").asText()));
        assertTrue(about.contains(TestArchives.BASE + "id/organisation/amnesty-international"));
        assertTrue(about.contains(TestArchives.BASE + "id/event/2017-02-07-amnesty-saydnaya-report"));
        List<String> mentions = new ArrayList<>();
        ld.get("mentions").forEach(a -> mentions.add(a.get("@id").asText()));
        assertTrue(mentions.contains(TestArchives.BASE + "id/place/saydnaya-prison"));
    }

    @Test
    void aPageLinksToItsRdfAlternates() throws Exception {
        Document d = page("doc/" + SEED);
        Map<String, String> alternates = d.select("link[rel=alternate]").stream()
                .collect(Collectors.toMap(l -> l.attr("type"), l -> l.attr("href")));
        assertEquals(Map.of("text/turtle", "/doc/" + SEED + ".ttl", "application/ld+json", "/doc/" + SEED + ".jsonld",
                "application/rdf+xml", "/doc/" + SEED + ".rdf", "application/n-triples", "/doc/" + SEED + ".nt"), alternates);
        assertEquals(List.copyOf(alternates.values()).stream().sorted().toList(),
                hrefs(d.selectFirst("nav.formats")).stream().sorted().toList(), "and shows them");
    }

    @Test
    void aDeletedRecordsPageSaysSoAndWhen() throws Exception {
        HttpResponse<String> r = get("doc/document/withdrawn?lang=en", null);
        assertEquals(410, r.statusCode());
        Document d = Jsoup.parse(r.body());
        assertEquals("This record was deleted", d.selectFirst("h1").text());
        assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), d.selectFirst("time.deleted-at").attr("datetime"));
        assertTrue(d.selectFirst("main").text().contains("document/withdrawn"));
    }

    @Test
    void anUnknownThingGetsAHelpfulPage() throws Exception {
        HttpResponse<String> r = get("doc/organisation/no-such-body", null);
        assertEquals(404, r.statusCode());
        Document d = Jsoup.parse(r.body());
        assertEquals("ar", d.selectFirst("html").attr("lang"));
        assertEquals("no-such-body", d.selectFirst("main form input[name=q]").val(), "a search for it, ready to run");
        assertEquals("/search", d.selectFirst("main form").attr("action"));
        assertEquals("/", d.selectFirst("main a.home").attr("href"));
        assertTrue(d.select("main code").eachText().contains("/id/{kind}/{key}"));
        assertTrue(d.select("main .kinds code").eachText().containsAll(List.of("document", "organisation", "person", "event", "place")));
    }
}
