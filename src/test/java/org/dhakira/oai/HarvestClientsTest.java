package org.dhakira.oai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dhakira.TestArchives;
import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.dhakira.server.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The archive harvested as libraries harvest it, by the harvesters Debian ships: Catmandu's OAI importer
 * (libcatmandu-oai-perl), HTTP::OAI's {@code oai_pmh} (libhttp-oai-perl), and xmllint (libxml2-utils) as a
 * second validator beside Java's. {@code .ci/run} installs them; without them these tests fail and say so.
 */
class HarvestClientsTest {

    @TempDir
    static Path dir;

    static Archive archive;
    static ArchiveServer server;
    static String url;
    static Set<String> live = new HashSet<>();
    static Set<String> deleted = new HashSet<>();

    @BeforeAll
    static void start() throws Exception {
        Config plain = TestArchives.config(dir);
        archive = Archive.open(new Config(plain.host(), plain.port(), plain.data(), plain.base(), plain.home(),
                new Config.Oai("ذاكرة", Optional.of("archive.test"), Optional.empty(), 7, Config.Oai.DEFAULTS.license())));
        archive.loadDemoIfEmpty();
        TestArchives.load(archive.store(), TestArchives.document("withdrawn", "") + "\n");
        TestArchives.load(archive.store(), "{\"id\":\"document/withdrawn\",\"kind\":\"document\",\"deleted\":true}\n");
        server = ArchiveServer.start(archive);
        url = server.uri() + "oai";
        archive.store().read(dsg -> {
            dsg.listGraphNodes().forEachRemaining(g -> org.dhakira.store.RecordId.fromIri(TestArchives.BASE, g.getURI()).ifPresent(id ->
                    (archive.store().status(id).orElseThrow() == org.dhakira.store.RecordStore.Status.LIVE ? live : deleted)
                            .add("oai:archive.test:" + id.path())));
            return null;
        });
    }

    @AfterAll
    static void stop() {
        server.close();
        archive.close();
    }

    static String run(String debianPackage, String... command) throws Exception {
        return org.dhakira.Clients.run(dir, debianPackage, command);
    }

    @Test
    void catmanduHarvestsEveryLiveRecordInOaiDcAndSeesTheDeletion() throws Exception {
        JsonNode records = new ObjectMapper().readTree(run("libcatmandu-oai-perl",
                "catmandu", "convert", "OAI", "--url", url, "--metadataPrefix", "oai_dc", "to", "JSON"));
        Set<String> ids = new HashSet<>();
        Set<String> deletedIds = new HashSet<>();
        for (JsonNode r : records) (r.path("_status").asText().equals("deleted") ? deletedIds : ids).add(r.path("_id").asText());
        assertEquals(live, ids, "every live record, across the pages");
        assertEquals(deleted, deletedIds, "and the tombstone, as deleted");
        JsonNode seed = null;
        for (JsonNode r : records) if (r.path("_id").asText().endsWith("coalition-amnesty-saydnaya-2017-02-07")) seed = r;
        assertTrue(seed != null && seed.toString().contains("«المسلخ البشري» على طاولة مجلس الأمن والمجتمع الدولي"), "Arabic intact");
    }

    @Test
    void catmanduFollowsASetAndADateRange() throws Exception {
        JsonNode all = new ObjectMapper().readTree(run("libcatmandu-oai-perl", "catmandu", "convert", "OAI", "--url", url,
                "--metadataPrefix", "oai_dc", "--set", "type:press-statement", "--from", "2000-01-01", "--until", "2100-01-01",
                "--listIdentifiers", "1", "to", "JSON"));
        List<String> ids = new ArrayList<>();
        all.forEach(r -> ids.add(r.path("_id").asText()));
        assertTrue(ids.contains("oai:archive.test:document/coalition-amnesty-saydnaya-2017-02-07"));
        assertTrue(ids.contains("oai:archive.test:document/withdrawn"), "the tombstone stays in its set");
        assertTrue(ids.stream().allMatch(i -> i.contains(":document/")));
    }

    @Test
    void httpOaiHarvestsEveryRecordInBothFormats() throws Exception {
        for (String prefix : List.of("oai_dc", "rdf")) {
            String out = run("libhttp-oai-perl", "oai_pmh", "--metadataPrefix", prefix, url);
            Set<String> ids = new HashSet<>();
            // oai_pmh prints each header as "identifier: …" lines, not always at a line's start.
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("identifier: (oai:\\S+)").matcher(out);
            while (m.find()) ids.add(m.group(1));
            Set<String> all = new HashSet<>(live);
            all.addAll(deleted);
            assertEquals(all, ids, prefix);
        }
        String subset = run("libhttp-oai-perl", "oai_pmh", "-X", "ListIdentifiers", "--metadataPrefix", "oai_dc", "--set", "type:report", url);
        assertTrue(subset.contains("identifier: oai:archive.test:document/amnesty-human-slaughterhouse-2017-02-07"), subset);
        assertTrue(!subset.contains(":person/"), "only the set's records");
        // The oai_pmh script cannot print Identify and ListSets; the library it is built on can.
        String library = run("libhttp-oai-perl", "perl", "-MHTTP::OAI", "-CS", "-e",
                "my $h = HTTP::OAI::Harvester->new(baseURL => $ARGV[0]); my $r = $h->Identify; die $r->message if $r->is_error;"
                        + " print $r->repositoryName, '|', $r->granularity, '|', $r->earliestDatestamp, qq{\n};"
                        + " my $s = $h->ListSets; die $s->message if $s->is_error; my $n = 0; $n++ while $s->next; print qq{sets=$n\n};", url);
        assertTrue(library.startsWith("ذاكرة|YYYY-MM-DDThh:mm:ssZ|"), library);
        assertTrue(library.contains("sets=24"), library);
    }

    @Test
    void xmllintFindsEveryVerbValid() throws Exception {
        Path schema = Path.of(HarvestClientsTest.class.getResource("/oai/xsd/OAI-PMH.xsd").toURI());
        for (String query : List.of("verb=Identify", "verb=ListSets", "verb=ListMetadataFormats",
                "verb=ListIdentifiers&metadataPrefix=oai_dc", "verb=ListRecords&metadataPrefix=oai_dc&set=type",
                "verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:archive.test:document/withdrawn", "verb=Nonsense")) {
            Path file = Files.createTempFile(dir, "oai", ".xml");
            Files.writeString(file, OaiDoorTestSupport.get(server.uri() + "oai?" + query), StandardCharsets.UTF_8);
            String result = run("libxml2-utils", "sh", "-c", "xmllint --nonet --noout --schema '" + schema + "' '" + file + "' 2>&1; true");
            assertTrue(result.contains("validates"), query + ": " + result);
        }
    }
}
