package org.dhakira.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.dhakira.vocab.JsonLdContext;
import org.dhakira.vocab.Vocabulary;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads records in the archive's JSON format, as a stream: one object, an array of objects, or JSON Lines,
 * in constant memory whatever the size. The fields are those of the JSON-LD context ({@link JsonLdContext}),
 * so that every record file is also JSON-LD. Two fields are JSON-only: {@code "@context"} is ignored, and
 * {@code "deleted": true} (with {@code id} and {@code kind}) asks for the record to be deleted.
 */
final class JsonRecordReader implements RecordReader {

    // Deeply nested or huge values are hostile input, not records.
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(32).maxStringLength(20_000_000).build();

    private final Vocabulary vocabulary;
    private final String base;
    private final ObjectMapper mapper;

    JsonRecordReader(Vocabulary vocabulary, String base) {
        this.vocabulary = vocabulary;
        this.base = base;
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(LIMITS).build();
        this.mapper = new ObjectMapper(factory);
    }

    @Override
    public void read(String source, InputStream in, Consumer<ParsedRecord> sink) {
        String name = source.toLowerCase(java.util.Locale.ROOT).replaceFirst("\\.gz$", "");
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) readLines(source, in, sink);
        else readDocument(source, in, sink);
    }

    /**
     * JSON Lines, one parser per line: a broken line is reported with its own number and the lines after it
     * are still checked.
     */
    private void readLines(String source, InputStream in, Consumer<ParsedRecord> sink) {
        java.nio.charset.CharsetDecoder utf8 = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        long n = 0;
        try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(in, utf8), 1 << 16)) {
            String line;
            while ((line = lines.readLine()) != null) {
                n++;
                if (n == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
                if (line.isBlank()) continue;
                try (JsonParser p = mapper.getFactory().createParser(line)) {
                    JsonToken t = p.nextToken();
                    if (t != JsonToken.START_OBJECT) {
                        sink.accept(ParsedRecord.failed(source, n, "a record must be a JSON object, found " + describe(t)));
                        continue;
                    }
                    ParsedRecord r = record(source, p, n, n - 1);
                    if (p.nextToken() != null) sink.accept(ParsedRecord.failed(source, n, "more than one value on the line; JSON Lines has one record per line"));
                    else sink.accept(r);
                } catch (JsonProcessingException e) {
                    sink.accept(ParsedRecord.failed(source, n, "malformed JSON: " + readable(e)));
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            sink.accept(ParsedRecord.failed(source, n + 1, "not valid UTF-8"));
        } catch (IOException e) {
            sink.accept(ParsedRecord.failed(source, n, "cannot read: " + e.getMessage()));
        }
    }

    private void readDocument(String source, InputStream in, Consumer<ParsedRecord> sink) {
        try (JsonParser p = mapper.getFactory().createParser(in)) {
            JsonToken t = p.nextToken();
            boolean inArray = t == JsonToken.START_ARRAY;
            if (inArray) t = p.nextToken();
            while (t != null && !(inArray && t == JsonToken.END_ARRAY)) {
                long line = p.currentTokenLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    sink.accept(ParsedRecord.failed(source, line, "a record must be a JSON object, found " + describe(t)));
                    p.skipChildren();
                } else {
                    sink.accept(record(source, p, line, 0));
                }
                t = p.nextToken();
            }
            if (inArray && p.nextToken() != null) {
                sink.accept(ParsedRecord.failed(source, p.currentTokenLocation().getLineNr(), "unexpected content after the closing ']'"));
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            sink.accept(ParsedRecord.failed(source, loc == null ? 0 : loc.getLineNr(), "malformed JSON: " + readable(e)));
        } catch (IOException e) {
            sink.accept(ParsedRecord.failed(source, 0, "cannot read: " + e.getMessage()));
        }
    }

    /** Jackson's message, without the names of its own classes for the limits it enforces. */
    private static String readable(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m.contains("getMaxNestingDepth")) return "nested deeper than " + LIMITS.getMaxNestingDepth() + " levels";
        if (m.contains("getMaxStringLength")) return "a string longer than " + LIMITS.getMaxStringLength() + " characters";
        return m;
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : t.asString();
        };
    }


    /** Reads one object; {@code lineOffset} is added to the parser's own line numbers (JSON Lines parse line by line). */
    private ParsedRecord record(String source, JsonParser p, long line, long lineOffset) throws IOException {
        List<JsonRecordBuilder.Entry> entries = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            long valueLine = lineOffset + p.currentTokenLocation().getLineNr();
            entries.add(new JsonRecordBuilder.Entry(name, valueLine, mapper.readTree(p)));
        }
        return new JsonRecordBuilder(vocabulary, base, source, line).build(entries);
    }
}
