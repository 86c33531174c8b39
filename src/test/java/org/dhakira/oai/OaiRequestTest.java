package org.dhakira.oai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The protocol's rules for arguments (OAI-PMH 2.0, sections 3.1–3.6 and 4), one request per line. */
class OaiRequestTest {

    /** A query string without decoding: enough for these cases. */
    static Map<String, List<String>> query(String q) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        if (q.isEmpty()) return m;
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            m.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return m;
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "'' | badVerb | no verb",
            "verb=Frobnicate | badVerb | an unknown verb",
            "verb=Identify&verb=Identify | badVerb | the verb twice",
            "verb=identify | badVerb | verbs are case-sensitive",
            "verb=Identify&metadataPrefix=oai_dc | badArgument | Identify takes no arguments",
            "verb=ListRecords | badArgument | ListRecords without metadataPrefix",
            "verb=ListIdentifiers&set=type | badArgument | ListIdentifiers without metadataPrefix",
            "verb=GetRecord&metadataPrefix=oai_dc | badArgument | GetRecord without identifier",
            "verb=GetRecord&identifier=oai:x.y:document/a | badArgument | GetRecord without metadataPrefix",
            "verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=rdf | badArgument | an argument twice",
            "verb=ListRecords&metadataPrefix= | badArgument | an empty argument",
            "verb=ListRecords&metadataPrefix=oai_dc&colour=red | badArgument | an unknown argument",
            "verb=ListRecords&metadataPrefix=oai_dc&identifier=x | badArgument | an argument of another verb",
            "verb=ListRecords&resumptionToken=abc&metadataPrefix=oai_dc | badArgument | resumptionToken is exclusive",
            "verb=GetRecord&resumptionToken=abc | badArgument | GetRecord cannot be resumed",
            "verb=ListRecords&metadataPrefix=oai_dc&from=2017-02-07T00:00:00Z&until=2017-02-08 | badArgument | granularities mixed",
            "verb=ListRecords&metadataPrefix=oai_dc&from=2017-02-08&until=2017-02-07 | badArgument | until before from",
            "verb=ListRecords&metadataPrefix=oai_dc&from=2017-02-30 | badArgument | a day that does not exist",
            "verb=ListRecords&metadataPrefix=oai_dc&from=2017-2-7 | badArgument | a malformed day",
            "verb=ListRecords&metadataPrefix=oai_dc&from=2017-02-07T10:00:00 | badArgument | a time without Z",
            "verb=ListRecords&metadataPrefix=oai_dc&from=2017-02-07T10:00:00+02:00 | badArgument | a time with an offset",
            "verb=ListRecords&metadataPrefix=oai_dc&from=2017-02-07T10:00:00.5Z | badArgument | finer than seconds",
            "verb=ListRecords&metadataPrefix=oai dc | badArgument | a metadataPrefix the schema does not allow",
            "verb=ListRecords&metadataPrefix=oai_dc&set=type: | badArgument | a setSpec with an empty part",
            "verb=ListRecords&metadataPrefix=oai_dc&set== | badArgument | a setSpec of punctuation",
            "verb=GetRecord&metadataPrefix=oai_dc&identifier=not a uri | badArgument | an identifier that is not a URI",
            "verb=ListRecords&metadataPrefix=oai_dc&set=\u0001 | badArgument | a control character",
            "verb=ListRecords&metadataPrefix=oai_dc&from=0000-01-01 | badArgument | the year 0, which XML Schema has not",
    })
    void refuses(String query, OaiError expected, String what) {
        OaiException e = assertThrows(OaiException.class, () -> OaiRequest.parse(query(query)), what);
        assertEquals(expected, e.code(), what + ": " + e.getMessage());
        assertTrue(e.getMessage().length() > 10, "the message says what is wrong: " + e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "verb=Identify",
            "verb=ListSets",
            "verb=ListMetadataFormats",
            "verb=ListMetadataFormats&identifier=oai:x.y:document/a",
            "verb=ListRecords&metadataPrefix=oai_dc&from=2017-02-07&until=2017-02-07",
            "verb=ListIdentifiers&metadataPrefix=rdf&from=2017-02-07T10:00:00Z&until=2017-02-07T10:00:00Z&set=type:report",
            "verb=ListRecords&resumptionToken=anything",
            "verb=ListSets&resumptionToken=anything",
    })
    void accepts(String query) throws OaiException {
        OaiRequest r = OaiRequest.parse(query(query));
        assertEquals(query.split("&").length - 1, r.arguments().size(), "every argument is kept for the echo");
    }

    @Test
    void aDayRangeCoversWholeDays() throws OaiException {
        OaiRequest r = OaiRequest.parse(query("verb=ListRecords&metadataPrefix=oai_dc&from=2017-02-07&until=2017-02-07"));
        assertEquals(Optional.of(Instant.parse("2017-02-07T00:00:00Z")), r.from());
        assertEquals(Optional.of(Instant.parse("2017-02-07T23:59:59Z")), r.until(), "until a day is until its last second");
    }

    @Test
    void tokensSurviveTheRoundTripAndAreUrlSafe() throws OaiException {
        ResumptionToken t = new ResumptionToken("oai_dc", Optional.of("type:report"), Optional.of(Instant.parse("2017-02-07T00:00:00Z")),
                Optional.empty(), 123_456, 700, 5_000);
        String encoded = t.encode();
        assertTrue(encoded.matches("[A-Za-z0-9_-]+"), encoded);
        assertEquals(t, ResumptionToken.decode(encoded));
    }

    @ParameterizedTest
    @CsvSource({"garbage!", "AAAA", "MQpvYWlfZGMKCgoKLTEKMAow", "MQpvYWlfZGMKCjk5OTk5OTk5OTk5OTk5OTk5CgowCjAKMA"})
    void foreignTokensAreBadResumptionTokens(String token) {
        OaiException e = assertThrows(OaiException.class, () -> ResumptionToken.decode(token));
        assertEquals(OaiError.badResumptionToken, e.code());
    }
}
