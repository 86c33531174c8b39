package org.dhakira.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.dhakira.ingest.Input;
import org.dhakira.ingest.RecordFiles;
import org.dhakira.vocab.Vocabulary;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes a synthetic archive of N records, the same for the same seed: documents with Arabic and English
 * titles and bodies (20–250 words), dated 2011–2024, of every type and grade, each naming 0–5 organisations
 * and 0–3 persons from pools of N/10 and N/20, plus chronicle entries and places. Three files:
 * <ul>
 *   <li>{@code records.jsonl}: the archive in the project's JSON Lines;</li>
 *   <li>{@code records.nq}: the same records as N-Quads, exactly the quads the store holds for them (one
 *       named graph per record, super-terms written out), for TDB2's bulk loader;</li>
 *   <li>{@code changes.jsonl}: later edits to load afterwards: 5% of the documents updated, 1% deleted.</li>
 * </ul>
 * Run on its own: {@code java -cp … org.dhakira.bench.SyntheticArchive DIR N [SEED]}.
 */
public final class SyntheticArchive {

    static final String[] TYPES = {"press-statement", "report", "statement", "letter", "decree", "periodical-issue",
            "leaflet", "testimony", "video", "audio", "image", "map"};
    static final String[] GRADES = {"authentic", "not-authentic", "not-verified", "undetermined"};
    static final LocalDate FIRST = LocalDate.of(2011, 1, 1);
    static final int DAYS = (int) (LocalDate.of(2024, 12, 31).toEpochDay() - FIRST.toEpochDay());

    /** How many records of each kind N makes. */
    record Sizes(int total, int organisations, int persons, int events, int places, int documents) {
        static Sizes of(int n) {
            int organisations = Math.max(1, n / 10);
            int persons = Math.max(1, n / 20);
            int events = Math.max(1, n / 20);
            int places = Words.PLACES.length;
            int documents = n - organisations - persons - events - places;
            if (documents < 1) throw new IllegalArgumentException("N must be at least 100, was " + n);
            return new Sizes(n, organisations, persons, events, places, documents);
        }
    }

    /** The files written. */
    record Files3(Path records, Path quads, Path changes, Sizes sizes) {}

    private final Random random;
    private final Sizes sizes;
    private final JsonFactory json = new JsonFactory();

    SyntheticArchive(int n, long seed) {
        this.random = new Random(seed);
        this.sizes = Sizes.of(n);
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20170207L;
        Files3 f = write(dir, n, seed, Vocabulary.load(org.dhakira.vocab.DataFiles.builtIn()), "http://localhost:8080/");
        System.out.println("Wrote " + f);
    }

    /** Writes the three files into {@code dir} unless they are there already for the same N and seed. */
    static Files3 write(Path dir, int n, long seed, Vocabulary vocab, String base) throws IOException {
        Files.createDirectories(dir);
        Path records = dir.resolve("records.jsonl");
        Path quads = dir.resolve("records.nq");
        Path changes = dir.resolve("changes.jsonl");
        Path stamp = dir.resolve("made-with");
        String made = n + " " + seed + " " + base;
        if (Files.exists(stamp) && Files.readString(stamp).equals(made)) return new Files3(records, quads, changes, Sizes.of(n));
        Files.deleteIfExists(stamp);
        SyntheticArchive archive = new SyntheticArchive(n, seed);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(records), 1 << 16)) {
            archive.writeRecords(out);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(changes), 1 << 16)) {
            archive.writeChanges(out);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(quads), 1 << 16)) {
            StreamRDF sink = StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS_UTF8);
            sink.start();
            new RecordFiles(vocab, base).read(Input.of(records), r -> {
                if (!r.problems().isEmpty()) throw new IllegalStateException("generated a bad record: " + r.problems());
                Node g = org.apache.jena.graph.NodeFactory.createURI(r.id().orElseThrow().iri(base));
                vocab.withSuperTerms(r.graph()).find().forEach(t -> sink.quad(org.apache.jena.sparql.core.Quad.create(g, t)));
            });
            sink.finish();
        }
        Files.writeString(stamp, made);
        return new Files3(records, quads, changes, Sizes.of(n));
    }

    private void writeRecords(OutputStream out) throws IOException {
        try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
            g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
            for (String[] p : Words.PLACES) {
                g.writeStartObject();
                g.writeStringField("id", "place/" + p[0]);
                g.writeStringField("kind", "place");
                languages(g, "name", p[1], p[2]);
                g.writeEndObject();
            }
            for (int i = 0; i < sizes.organisations(); i++) organisation(g, i);
            for (int i = 0; i < sizes.persons(); i++) person(g, i);
            for (int i = 0; i < sizes.events(); i++) event(g, i);
            for (int i = 0; i < sizes.documents(); i++) document(g, i, false);
            g.writeRaw('\n');
        }
    }

    private void writeChanges(OutputStream out) throws IOException {
        try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
            g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
            for (int i = 0; i < sizes.documents(); i++) {
                int roll = random.nextInt(100);
                if (roll < 5) {
                    document(g, i, true);
                } else if (roll < 6) {
                    g.writeStartObject();
                    g.writeStringField("id", documentId(i));
                    g.writeStringField("kind", "document");
                    g.writeBooleanField("deleted", true);
                    g.writeEndObject();
                }
            }
            g.writeRaw('\n');
        }
    }

    private void organisation(JsonGenerator g, int i) throws IOException {
        String[] form = Words.ORG_FORMS[i % Words.ORG_FORMS.length];
        String[] place = Words.PLACES[random.nextInt(Words.PLACES.length)];
        g.writeStartObject();
        g.writeStringField("id", "organisation/o" + i);
        g.writeStringField("kind", "organisation");
        languages(g, "name", form[0] + " " + place[1] + " " + (i + 1), form[1] + " " + place[2] + " " + (i + 1));
        if (random.nextInt(4) == 0) languages(g, "summary", Words.arabicText(random, 12), Words.englishText(random, 12));
        g.writeEndObject();
    }

    private void person(JsonGenerator g, int i) throws IOException {
        int first = random.nextInt(Words.FIRST_AR.length);
        int family = random.nextInt(Words.FAMILY_AR.length);
        g.writeStartObject();
        g.writeStringField("id", "person/p" + i);
        g.writeStringField("kind", "person");
        languages(g, "name", Words.FIRST_AR[first] + " " + Words.FAMILY_AR[family], Words.FIRST_EN[first] + " " + Words.FAMILY_EN[family]);
        g.writeObjectFieldStart("aliases");
        g.writeArrayFieldStart("en");
        g.writeString(Words.FIRST_ALT[first] + " " + Words.FAMILY_EN[family]);
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private void event(JsonGenerator g, int i) throws IOException {
        LocalDate day = LocalDate.of(2011, 3, 15).plusDays(i % DAYS);
        g.writeStartObject();
        g.writeStringField("id", "event/e" + i);
        g.writeStringField("kind", "event");
        languages(g, "title", "يوميات " + day + ": " + Words.arabicText(random, 6), "Chronicle " + day + ": " + Words.englishText(random, 6));
        g.writeStringField("date", day.toString());
        languages(g, "summary", Words.arabicText(random, 30), Words.englishText(random, 30));
        references(g, "relatedPlaces", 1 + random.nextInt(2), k -> "place/" + Words.PLACES[random.nextInt(Words.PLACES.length)][0]);
        g.writeEndObject();
    }

    static String documentId(int i) {
        return "document/d" + i;
    }

    private void document(JsonGenerator g, int i, boolean revised) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", documentId(i));
        g.writeStringField("kind", "document");
        g.writeStringField("code", String.format("SM-%07d", i));
        g.writeStringField("type", TYPES[random.nextInt(TYPES.length)]);
        g.writeStringField("issued", FIRST.plusDays(random.nextInt(DAYS)).toString());
        String prefix = revised ? "(مُراجع) " : "";
        languages(g, "title", prefix + Words.arabicText(random, 5 + random.nextInt(8)), (revised ? "(revised) " : "") + Words.englishText(random, 5 + random.nextInt(8)));
        if (random.nextInt(3) > 0) languages(g, "summary", Words.arabicText(random, 15 + random.nextInt(25)), Words.englishText(random, 15 + random.nextInt(25)));
        int words = 20 + (int) Math.round(Math.abs(random.nextGaussian()) * 90);
        boolean arabicOriginal = random.nextInt(10) < 7;
        g.writeObjectFieldStart("body");
        if (arabicOriginal || random.nextBoolean()) g.writeStringField("ar", Words.arabicText(random, Math.min(words, 250)));
        if (!arabicOriginal || random.nextBoolean()) g.writeStringField("en", Words.englishText(random, Math.min(words, 250)));
        g.writeEndObject();
        g.writeStringField("originalLanguage", arabicOriginal ? "ar" : "en");
        if (random.nextInt(10) < 8) g.writeStringField("issuer", "organisation/o" + random.nextInt(sizes.organisations()));
        else g.writeStringField("issuer", "person/p" + random.nextInt(sizes.persons()));
        references(g, "relatedOrganisations", random.nextInt(6), k -> "organisation/o" + random.nextInt(sizes.organisations()));
        references(g, "relatedPersons", random.nextInt(4), k -> "person/p" + random.nextInt(sizes.persons()));
        references(g, "relatedEvents", random.nextInt(3), k -> "event/e" + random.nextInt(sizes.events()));
        g.writeStringField("targetCountry", "place/" + (random.nextInt(10) < 8 ? "syria" : Words.PLACES[random.nextInt(Words.PLACES.length)][0]));
        g.writeStringField("reliability", GRADES[random.nextInt(GRADES.length)]);
        g.writeEndObject();
    }

    private void references(JsonGenerator g, String field, int count, java.util.function.IntFunction<String> target) throws IOException {
        List<String> chosen = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            String t = target.apply(k);
            if (!chosen.contains(t)) chosen.add(t);
        }
        g.writeArrayFieldStart(field);
        for (String t : chosen) g.writeString(t);
        g.writeEndArray();
    }

    private static void languages(JsonGenerator g, String field, String ar, String en) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("ar", ar);
        g.writeStringField("en", en);
        g.writeEndObject();
    }
}
