package org.dhakira.harvest;

import static org.dhakira.harvest.StubPeer.dropped;
import static org.dhakira.harvest.StubPeer.file;
import static org.dhakira.harvest.StubPeer.gzip;
import static org.dhakira.harvest.StubPeer.gzipOf;
import static org.dhakira.harvest.StubPeer.recorded;
import static org.dhakira.harvest.StubPeer.slow;
import static org.dhakira.harvest.StubPeer.status;
import static org.dhakira.harvest.StubPeer.truncated;
import static org.dhakira.harvest.StubPeer.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import javax.xml.parsers.DocumentBuilderFactory;

import org.dhakira.oai.OaiError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/**
 * The client against a stub peer serving recorded responses with the quirks real providers have, and the faults
 * a harvester must survive or refuse. Waits are milliseconds here, except the one Retry-After second.
 */
class OaiClientTest {
    static final String FIRST = "verb=ListRecords&metadataPrefix=oai_dc&set=letters&from=2020-01-02";
    static final String SECOND = "verb=ListRecords&resumptionToken=a+b/c=|x y";
    static final Selection LETTERS = new Selection("oai_dc", Optional.of("letters"), Optional.of(Instant.parse("2020-01-02T18:30:00Z")));

    StubPeer peer;
    OaiClient client;

    @BeforeEach
    void start() throws Exception {
        peer = new StubPeer();
        client = quick().build();
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    static OaiClient.Builder quick() {
        return OaiClient.builder().backoff(Duration.ofMillis(5), Duration.ofMillis(20)).maxAttempts(3)
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(5));
    }

    List<Page> harvestAll() {
        List<Page> pages = new ArrayList<>();
        client.harvest(peer.baseUrl(), LETTERS, Granularity.DAY).forEachRemaining(pages::add);
        return pages;
    }

    // Identify

    @Test
    void whiteSpaceBeforeTheXmlDeclarationIsForgiven() {
        peer.on("verb=Identify", xml("\n\n  " + recorded("identify-day.xml")));
        assertEquals(Granularity.DAY, client.identify(peer.baseUrl()).granularity());
    }

    @Test
    void identifyReadsWhatAHarvesterActsOn() {
        peer.on("verb=Identify", file("identify-day.xml"));
        Identity id = client.identify(peer.baseUrl());
        assertEquals("أرشيف الشريك — Partner archive", id.repositoryName());
        assertEquals(URI.create("http://peer.example.org/oai"), id.baseUrl());
        assertEquals(Granularity.DAY, id.granularity());
        assertEquals(Instant.parse("2009-03-01T00:00:00Z"), id.earliestDatestamp());
        assertEquals(DeletedRecord.TRANSIENT, id.deletedRecord());
    }

    // Lists, with the quirks

    @Test
    void aListIsFollowedToItsEndPageByPage() {
        peer.on(FIRST, file("page-1.xml")).on(SECOND, gzip("page-2.xml"));
        List<Page> pages = harvestAll();
        assertEquals(2, pages.size());
        assertEquals(Optional.of(new ResumptionToken("a+b/c=|x y")), pages.get(0).next(), "opaque, sent back as it came, pretty-printing dropped");
        assertEquals(OptionalLong.empty(), pages.get(0).completeListSize(), "no cursor or completeListSize: fine");
        assertTrue(pages.get(1).isLast(), "an empty token element with attributes ends the list");
        assertEquals(OptionalLong.of(4), pages.get(1).completeListSize());
        List<String> ids = pages.stream().flatMap(p -> p.records().stream()).map(r -> r.header().identifier()).toList();
        assertEquals(List.of("oai:peer.example.org:1", "oai:peer.example.org:2", "oai:peer.example.org:3", "oai:peer.example.org:4"), ids);
        assertEquals(1, peer.count(FIRST), "from in the peer's day granularity, the set as asked");
        assertEquals(1, peer.count(SECOND), "the token URL-encoded so that it arrives intact");
    }

    @Test
    void headersAreReadWhateverGranularityThePeerPromised() {
        peer.on(FIRST, file("page-1.xml"));
        Page page = client.listRecords(peer.baseUrl(), LETTERS, Granularity.DAY);
        RecordHeader first = page.records().get(0).header();
        assertEquals(Instant.parse("2020-01-02T10:11:12Z"), first.datestamp(), "seconds from a day-granularity peer");
        assertEquals(List.of("letters", "letters:1920s"), first.setSpecs());
        assertFalse(first.deleted());
        HarvestedRecord deleted = page.records().get(1);
        assertTrue(deleted.header().deleted());
        assertEquals(Instant.parse("2020-01-03T00:00:00Z"), deleted.header().datestamp());
        assertEquals(Optional.empty(), deleted.metadata());
        HarvestedRecord bare = page.records().get(2);
        assertFalse(bare.header().deleted());
        assertEquals(Optional.empty(), bare.metadata(), "a live record without metadata is still a record");
    }

    @Test
    void metadataIsADocumentOfItsOwnWithTheNamespacesItUsed() throws Exception {
        peer.on(FIRST, file("page-1.xml"));
        String metadata = client.listRecords(peer.baseUrl(), LETTERS, Granularity.DAY).records().get(0).metadata().orElseThrow();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(metadata.getBytes(StandardCharsets.UTF_8)));
        assertEquals("http://www.openarchives.org/OAI/2.0/oai_dc/", d.getDocumentElement().getNamespaceURI());
        var titles = d.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "title");
        assertEquals(2, titles.getLength(), "dc was declared on the response's root, not in the metadata: " + metadata);
        assertEquals("رسالة من دمشق", titles.item(0).getTextContent());
        assertEquals("ar", ((org.w3c.dom.Element) titles.item(0)).getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
        assertEquals("A letter from Damascus & beyond", titles.item(1).getTextContent());
        assertEquals("<b>bold</b> in CDATA", d.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "description").item(0).getTextContent());
        assertFalse(metadata.contains("header") || metadata.contains("provenance"), "only what was inside <metadata>");
    }

    @Test
    void aboutContainersAreKeptForTheirProvenance() {
        peer.on(FIRST, file("page-1.xml"));
        List<String> about = client.listRecords(peer.baseUrl(), LETTERS, Granularity.DAY).records().get(0).about();
        assertEquals(1, about.size());
        assertTrue(about.get(0).contains("xmlns=\"http://www.openarchives.org/OAI/2.0/provenance\""), about.get(0));
    }

    @Test
    void noRecordsMatchIsAnEmptyLastPage() {
        peer.on(FIRST, file("no-records-match.xml"));
        List<Page> pages = harvestAll();
        assertEquals(1, pages.size());
        assertEquals(List.of(), pages.get(0).records());
        assertTrue(pages.get(0).isLast());
    }

    @Test
    void aHarvestResumesFromACommittedToken() {
        peer.on(SECOND, file("page-2.xml"));
        Harvest rest = client.resume(peer.baseUrl(), new ResumptionToken("a+b/c=|x y"));
        Page page = rest.next();
        assertEquals("oai:peer.example.org:4", page.records().get(0).header().identifier());
        assertFalse(rest.hasNext());
        assertEquals(0, peer.count(FIRST), "the first page is not asked again");
    }

    @Test
    void aHarvestThatFailedAPageCanGoOnFromIt() {
        peer.on(FIRST, file("page-1.xml"))
                .on(SECOND, status(500, Map.of()), status(500, Map.of()), status(500, Map.of()), file("page-2.xml"));
        Harvest h = client.harvest(peer.baseUrl(), LETTERS, Granularity.DAY);
        h.next();
        assertThrows(PeerUnavailableException.class, h::next);
        assertTrue(h.hasNext(), "the failed page is still to come");
        assertEquals("oai:peer.example.org:4", h.next().records().get(0).header().identifier());
        assertEquals(1, peer.count(FIRST));
    }

    // The peer's errors

    @Test
    void badResumptionTokenIsTypedWithCodeAndMessage() {
        peer.on(SECOND, file("bad-resumption-token.xml"));
        OaiErrorException e = assertThrows(OaiErrorException.class, () -> client.listRecords(peer.baseUrl(), new ResumptionToken("a+b/c=|x y")));
        assertEquals(Optional.of(OaiError.badResumptionToken), e.error());
        assertEquals("badResumptionToken", e.code());
        assertEquals("The token has expired", e.peerMessage());
        assertTrue(e.request().getRawQuery().contains("resumptionToken="), e.getMessage());
    }

    @Test
    void cannotDisseminateFormatIsTyped() {
        peer.on("verb=ListRecords&metadataPrefix=marc21", file("cannot-disseminate-format.xml"));
        OaiErrorException e = assertThrows(OaiErrorException.class, () -> client.harvest(peer.baseUrl(), Selection.all("marc21"), Granularity.SECOND).next());
        assertEquals(Optional.of(OaiError.cannotDisseminateFormat), e.error());
        assertEquals("marc21 is not served here", e.peerMessage());
    }

    @Test
    void rejectsRepeatedResumptionToken() {
        peer.on("verb=ListRecords&metadataPrefix=oai_dc", file("loop-1.xml"))
                .on("verb=ListRecords&resumptionToken=token-1", file("loop-2.xml"))
                .on("verb=ListRecords&resumptionToken=token-2", file("loop-3.xml"));
        Harvest h = client.harvest(peer.baseUrl(), Selection.all("oai_dc"), Granularity.DAY);
        h.next();
        h.next();
        ResumptionTokenLoopException e = assertThrows(ResumptionTokenLoopException.class, h::next);
        assertEquals(new ResumptionToken("token-1"), e.token());
        assertEquals(3, e.page());
        assertFalse(h.hasNext(), "a looping list is over");
        assertEquals(1, peer.count("verb=ListRecords&resumptionToken=token-1"), "the repeated token is not followed");
    }

    // HTTP: polite and robust

    @Test
    void honoursRetryAfterOn503() {
        peer.on("verb=Identify", status(503, Map.of("Retry-After", "1")), file("identify-day.xml"));
        long start = System.nanoTime();
        assertEquals(Granularity.DAY, client.identify(peer.baseUrl()).granularity());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofMillis(950)) >= 0, "waited the second asked, not the 5 ms backoff: " + took);
        assertEquals(2, peer.count("verb=Identify"));
    }

    @Test
    void aRetryAfterLongerThanTheCapIsCut() {
        OaiClient capped = quick().maxRetryAfter(Duration.ofMillis(50)).build();
        peer.on("verb=Identify", status(503, Map.of("Retry-After", "3600")), file("identify-day.xml"));
        assertTimeoutPreemptively(Duration.ofSeconds(3), () -> capped.identify(peer.baseUrl()));
    }

    @Test
    void serverErrorsAreTriedAgainWithBackoff() {
        peer.on("verb=Identify", status(500, Map.of()), status(502, Map.of()), file("identify-day.xml"));
        assertEquals(Granularity.DAY, client.identify(peer.baseUrl()).granularity());
        assertEquals(3, peer.count("verb=Identify"));
    }

    @Test
    void aPeerThatKeepsFailingIsUnavailableAfterTheAttemptsAllowed() {
        peer.on("verb=Identify", status(500, Map.of()));
        PeerUnavailableException e = assertThrows(PeerUnavailableException.class, () -> client.identify(peer.baseUrl()));
        assertEquals(3, e.attempts());
        assertEquals(OptionalInt.of(500), e.status());
        assertEquals(3, peer.count("verb=Identify"));
    }

    @Test
    void anOaiErrorSentAsAnHttpErrorIsStillRead() {
        peer.on(FIRST, file(404, "no-records-match.xml")).on(SECOND, file(400, "bad-resumption-token.xml"));
        assertEquals(List.of(), client.listRecords(peer.baseUrl(), LETTERS, Granularity.DAY).records());
        OaiErrorException e = assertThrows(OaiErrorException.class, () -> client.listRecords(peer.baseUrl(), new ResumptionToken("a+b/c=|x y")));
        assertEquals(Optional.of(OaiError.badResumptionToken), e.error());
        assertEquals(1, peer.count(SECOND), "not tried again");
    }

    @Test
    void aClientErrorIsNotTriedAgain() {
        PeerUnavailableException e = assertThrows(PeerUnavailableException.class, () -> client.identify(peer.baseUrl()));
        assertEquals(OptionalInt.of(404), e.status());
        assertEquals(1, e.attempts());
    }

    @Test
    void aConnectionDroppedMidPageIsTriedAgain() {
        peer.on(FIRST, dropped("page-1.xml"), file("page-1.xml"));
        Page page = client.listRecords(peer.baseUrl(), LETTERS, Granularity.DAY);
        assertEquals(3, page.records().size());
        assertEquals(2, peer.count(FIRST));
    }

    @Test
    void aTruncatedPageIsRefusedNotTakenForTheLast() {
        peer.on(FIRST, truncated("page-1.xml"));
        UnreadableResponseException e = assertThrows(UnreadableResponseException.class, () -> harvestAll());
        assertTrue(e.line() > 1, "says where: " + e.getMessage());
    }

    @Test
    void aResponseTooSlowIsAbandoned() {
        OaiClient impatient = quick().readTimeout(Duration.ofMillis(300)).maxAttempts(1).build();
        peer.on("verb=Identify", slow(3000, "identify-day.xml"));
        PeerUnavailableException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(PeerUnavailableException.class, () -> impatient.identify(peer.baseUrl())));
        assertTrue(e.getMessage().contains("PT0.3S"), e.getMessage());
    }

    @Test
    void aResponseLargerThanTheLimitIsRefused() {
        OaiClient small = quick().maxResponseBytes(64 * 1024).build();
        peer.on(FIRST, xml(recorded("page-1.xml").replace("<!-- a comment", "<!-- " + "x".repeat(100_000))));
        UnreadableResponseException e = assertThrows(UnreadableResponseException.class,
                () -> small.listRecords(peer.baseUrl(), LETTERS, Granularity.DAY));
        assertTrue(e.reason().contains(String.valueOf(64 * 1024)), e.getMessage());
    }

    @Test
    void aCompressedResponseIsBoundedOnceDecompressed() {
        OaiClient small = quick().maxResponseBytes(64 * 1024).build();
        peer.on("verb=Identify", gzipOf(new byte[10 << 20]));
        UnreadableResponseException e = assertThrows(UnreadableResponseException.class, () -> small.identify(peer.baseUrl()));
        assertTrue(e.reason().contains("decompressed"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://peer.example.org/oai", "http://peer.example.org/oai?verb=Identify", "jar:file:/x!/y"})
    void onlyHttpUrlsAreFetched(String url) {
        assertThrows(IllegalArgumentException.class, () -> client.identify(URI.create(url)));
    }

    // Untrusted XML

    @Test
    void anExternalEntityReadsNoFile(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "the-secret-42");
        peer.on("verb=Identify", xml(recorded("xxe-file.xml").replace("SECRET_URL", secret.toUri().toString())));
        UnreadableResponseException e = assertThrows(UnreadableResponseException.class, () -> client.identify(peer.baseUrl()));
        assertTrue(e.reason().contains("DOCTYPE"), e.getMessage());
        assertFalse(e.getMessage().contains("the-secret-42"));
    }

    @Test
    void anExternalDtdIsNeverFetched() {
        peer.on("verb=Identify", xml(recorded("xxe-dtd.xml").replace("DTD_URL", peer.baseUrl().resolve("/evil.dtd").toString())));
        assertThrows(UnreadableResponseException.class, () -> client.identify(peer.baseUrl()));
        assertFalse(peer.requests.contains("/evil.dtd"), "the peer saw only " + peer.requests);
    }

    @Test
    void billionLaughsFailsFastAndClearly() {
        peer.on(FIRST, file("billion-laughs.xml"));
        UnreadableResponseException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(UnreadableResponseException.class, () -> client.listRecords(peer.baseUrl(), LETTERS, Granularity.DAY)));
        assertTrue(e.reason().contains("DOCTYPE is not allowed"), e.getMessage());
        assertTrue(e.line() > 1 && e.line() <= 13, "at the DOCTYPE, which ends on line 13: " + e.line());
    }

    @Test
    void entitiesAreNotExpandedEvenBeforeTheDoctypeIsRefused() throws Exception {
        // The parser alone, without the reader's refusal: a reference stays a reference.
        var x = UntrustedXml.reader(recorded("billion-laughs.xml").getBytes(StandardCharsets.UTF_8));
        StringBuilder text = new StringBuilder();
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            while (x.hasNext()) {
                int event = x.next();
                if (event == javax.xml.stream.XMLStreamConstants.CHARACTERS) text.append(x.getText());
            }
        });
        assertFalse(text.toString().contains("lol"), "nothing expanded: " + text.length() + " characters");
    }

    // Hostile peers, after review

    @Test
    void anUndeclaredEntityIsRefusedNotSilentlyDropped() {
        peer.on(FIRST, xml(recorded("page-1.xml").replace("oai:peer.example.org:3", "oai:peer.example.org:3&nbsp;")));
        UnreadableResponseException e = assertThrows(UnreadableResponseException.class, () -> harvestAll());
        assertTrue(e.getMessage().contains("&nbsp;"), e.getMessage());
    }

    @Test
    void aHugeResumptionTokenIsRefused() {
        peer.on(FIRST, xml(recorded("page-1.xml").replace("a+b/c=|x y", "t".repeat(OaiResponseReader.MAX_TOKEN + 1))));
        UnreadableResponseException e = assertThrows(UnreadableResponseException.class,
                () -> client.listRecords(peer.baseUrl(), LETTERS, Granularity.DAY));
        assertTrue(e.getMessage().contains("resumption token of"), e.getMessage());
    }

    @Test
    void aRedirectIsReportedNotFollowed() {
        peer.on("verb=Identify", status(302, java.util.Map.of("Location", "http://127.0.0.1:1/elsewhere")));
        PeerUnavailableException e = assertThrows(PeerUnavailableException.class, () -> client.identify(peer.baseUrl()));
        assertEquals(OptionalInt.of(302), e.status());
        assertTrue(String.valueOf(e.getCause()).contains("redirects to http://127.0.0.1:1/elsewhere"), String.valueOf(e.getCause()));
        assertEquals(1, peer.count("verb=Identify"));
    }
}
