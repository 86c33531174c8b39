package org.dhakira.harvest;

import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Reads an OAI-PMH 2.0 response by its structure, element by element, so that a {@code dc:identifier} inside
 * metadata is never taken for a header's. Tolerant where providers differ and the protocol does not care
 * (elements it does not know, the request's attributes, whatever follows the root element, which is never read);
 * strict where a harvest would go wrong (not well-formed, a DOCTYPE, a header without identifier).
 */
final class OaiResponseReader {

    /** Real tokens are tens of characters; a peer's megabyte "token" is a way to exhaust the harvester's memory. */
    static final int MAX_TOKEN = 4096;

    static final String OAI = "http://www.openarchives.org/OAI/2.0/";

    private static final XMLOutputFactory OUT = XMLOutputFactory.newDefaultFactory();

    private final URI request;
    private final XMLStreamReader x;
    /** The response's responseDate: the peer's clock, which the next incremental harvest goes by. */
    private Optional<Instant> responseDate = Optional.empty();

    /** The namespaces declared on the elements above a record's metadata, which that metadata may use. */
    private final Map<String, String> inherited = new HashMap<>();

    private OaiResponseReader(URI request, XMLStreamReader x) {
        this.request = request;
        this.x = x;
    }

    static Identity identify(URI request, byte[] body) {
        return read(request, body, r -> r.identity());
    }

    static Page page(URI request, byte[] body) {
        return read(request, body, r -> r.listRecords());
    }

    private interface Body<T> {
        T read(OaiResponseReader r) throws XMLStreamException;
    }

    private static <T> T read(URI request, byte[] bytes, Body<T> body) {
        XMLStreamReader x = null;
        try {
            x = UntrustedXml.reader(bytes);
            return body.read(new OaiResponseReader(request, x));
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNumber();
            String message = e.getMessage() == null ? e.toString() : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", "");
            throw new UnreadableResponseException(request, message.strip(), Math.max(line, 0), Math.max(column, 0), e);
        } finally {
            if (x != null) {
                try {
                    x.close();
                } catch (XMLStreamException ignored) {
                    // Closing a reader of bytes in memory frees nothing that matters.
                }
            }
        }
    }

    // The response's frame: root, errors, the verb's element

    /** Moves to the verb's element, or throws the peer's error; false on noRecordsMatch. */
    private boolean enter(String verb) throws XMLStreamException {
        while (x.hasNext()) {
            int event = advance();
            if (event == XMLStreamConstants.DTD) throw unreadable("a DOCTYPE is not allowed in a response from a peer");
            if (event == XMLStreamConstants.START_ELEMENT) break;
        }
        if (!x.isStartElement() || !OAI.equals(x.getNamespaceURI()) || !"OAI-PMH".equals(x.getLocalName())) {
            throw unreadable("not an OAI-PMH 2.0 response (its root is not {" + OAI + "}OAI-PMH)");
        }
        inherit();
        List<String[]> errors = new ArrayList<>();
        while (child()) {
            if (is("responseDate")) {
                try {
                    responseDate = Optional.of(Granularity.parse(text().strip()));
                } catch (DateTimeParseException e) {
                    // The peer's clock is then unknown, and the harvester goes by its own.
                }
            } else if (is("error")) {
                errors.add(new String[] {Optional.ofNullable(x.getAttributeValue(null, "code")).orElse(""), text()});
            } else if (is(verb) && errors.isEmpty()) {
                inherit();
                return true;
            } else {
                skip();
            }
        }
        if (errors.isEmpty()) throw unreadable("neither " + verb + " nor an error in the response");
        for (String[] e : errors) if (e[0].equals("noRecordsMatch")) return false;
        throw new OaiErrorException(request, errors.get(0)[0], errors.get(0)[1]);
    }

    private Identity identity() throws XMLStreamException {
        enter("Identify");
        Map<String, String> fields = new HashMap<>();
        while (child()) {
            if (OAI.equals(x.getNamespaceURI()) && !"description".equals(x.getLocalName())) fields.putIfAbsent(x.getLocalName(), text());
            else skip();
        }
        // Where a provider leaves out what the protocol requires, the choice that loses no records.
        Granularity granularity = Granularity.find(fields.getOrDefault("granularity", "")).orElse(Granularity.DAY);
        DeletedRecord deleted = DeletedRecord.find(fields.getOrDefault("deletedRecord", "")).orElse(DeletedRecord.NO);
        Instant earliest = Instant.EPOCH;
        try {
            if (fields.containsKey("earliestDatestamp")) earliest = Granularity.parse(fields.get("earliestDatestamp"));
        } catch (DateTimeParseException e) {
            // from is never earlier than earliest, so the epoch harvests no less.
        }
        URI base = URI.create(request.getScheme() + "://" + request.getRawAuthority() + request.getRawPath());
        try {
            if (fields.containsKey("baseURL")) base = URI.create(fields.get("baseURL").strip());
        } catch (IllegalArgumentException e) {
            // Kept as the URL it was reached at.
        }
        return new Identity(fields.getOrDefault("repositoryName", "").strip(), base, earliest, deleted, granularity, responseDate);
    }

    private Page listRecords() throws XMLStreamException {
        if (!enter("ListRecords")) return new Page(List.of(), Optional.empty(), OptionalLong.of(0));
        List<HarvestedRecord> records = new ArrayList<>();
        Optional<ResumptionToken> next = Optional.empty();
        OptionalLong size = OptionalLong.empty();
        while (child()) {
            if (is("record")) {
                records.add(record());
            } else if (is("resumptionToken")) {
                size = number(x.getAttributeValue(null, "completeListSize"));
                String token = text().strip();
                if (token.length() > MAX_TOKEN) throw unreadable("a resumption token of " + token.length() + " characters (at most " + MAX_TOKEN + ")");
                next = token.isEmpty() ? Optional.empty() : Optional.of(new ResumptionToken(token));
            } else {
                skip();
            }
        }
        return new Page(records, next, size);
    }

    private HarvestedRecord record() throws XMLStreamException {
        Map<String, String> outer = new HashMap<>(inherited);
        inherit();
        RecordHeader header = null;
        Optional<String> metadata = Optional.empty();
        List<String> about = new ArrayList<>();
        while (child()) {
            if (is("header")) {
                header = header();
            } else if (is("metadata")) {
                inherit();
                if (child()) {
                    metadata = Optional.of(copy());
                    while (child()) skip();
                }
            } else if (is("about")) {
                inherit();
                if (child()) {
                    about.add(copy());
                    while (child()) skip();
                }
            } else {
                skip();
            }
        }
        inherited.clear();
        inherited.putAll(outer);
        if (header == null) throw unreadable("a record without a header");
        return new HarvestedRecord(header, header.deleted() ? Optional.empty() : metadata, about);
    }

    private RecordHeader header() throws XMLStreamException {
        boolean deleted = "deleted".equals(x.getAttributeValue(null, "status"));
        String identifier = null;
        String datestamp = null;
        List<String> sets = new ArrayList<>();
        while (child()) {
            if (is("identifier")) identifier = text().strip();
            else if (is("datestamp")) datestamp = text().strip();
            else if (is("setSpec")) sets.add(text().strip());
            else skip();
        }
        if (identifier == null || identifier.isEmpty()) throw unreadable("a record header without an identifier");
        if (datestamp == null) throw unreadable("record " + identifier + " has no datestamp");
        try {
            return new RecordHeader(identifier, Granularity.parse(datestamp), deleted, sets);
        } catch (DateTimeParseException e) {
            throw unreadable("record " + identifier + " has a datestamp that is no date: '" + datestamp + "'");
        }
    }

    // Moving through elements

    /** To the next child element of the current one: false at the current one's end. */
    private boolean child() throws XMLStreamException {
        while (x.hasNext()) {
            int event = advance();
            if (event == XMLStreamConstants.START_ELEMENT) return true;
            if (event == XMLStreamConstants.END_ELEMENT) return false;
        }
        throw unreadable("the response ends inside an element");
    }

    private void skip() throws XMLStreamException {
        for (int depth = 1; depth > 0; ) {
            int event = advance();
            if (event == XMLStreamConstants.START_ELEMENT) depth++;
            else if (event == XMLStreamConstants.END_ELEMENT) depth--;
        }
    }

    private boolean is(String name) {
        return OAI.equals(x.getNamespaceURI()) && name.equals(x.getLocalName());
    }

    /** The text of the current element, any child elements' included, and to its end. */
    private String text() throws XMLStreamException {
        StringBuilder s = new StringBuilder();
        for (int depth = 1; depth > 0; ) {
            int event = advance();
            if (event == XMLStreamConstants.START_ELEMENT) depth++;
            else if (event == XMLStreamConstants.END_ELEMENT) depth--;
            else if (x.hasText() && event != XMLStreamConstants.COMMENT) s.append(x.getText());
        }
        return s.toString();
    }

    private void inherit() {
        for (int i = 0; i < x.getNamespaceCount(); i++) {
            inherited.put(x.getNamespacePrefix(i) == null ? "" : x.getNamespacePrefix(i), x.getNamespaceURI(i));
        }
    }

    /** The current element and its content as a document of its own, with the namespaces it had in the response. */
    private String copy() throws XMLStreamException {
        StringWriter s = new StringWriter();
        XMLStreamWriter w = OUT.createXMLStreamWriter(s);
        boolean root = true;
        for (int depth = 0; ; ) {
            switch (x.getEventType()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    w.writeStartElement(prefix(x.getPrefix()), x.getLocalName(), nonNull(x.getNamespaceURI()));
                    Map<String, String> declared = new HashMap<>(root ? inherited : Map.of());
                    for (int i = 0; i < x.getNamespaceCount(); i++) declared.put(prefix(x.getNamespacePrefix(i)), nonNull(x.getNamespaceURI(i)));
                    for (Map.Entry<String, String> d : declared.entrySet()) {
                        if (d.getKey().isEmpty()) w.writeDefaultNamespace(d.getValue());
                        else w.writeNamespace(d.getKey(), d.getValue());
                    }
                    root = false;
                    for (int i = 0; i < x.getAttributeCount(); i++) {
                        w.writeAttribute(prefix(x.getAttributePrefix(i)), nonNull(x.getAttributeNamespace(i)), x.getAttributeLocalName(i),
                                x.getAttributeValue(i));
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    w.writeEndElement();
                    if (--depth == 0) {
                        w.close();
                        return s.toString();
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> org.dhakira.oai.XmlText.write(w, x.getText());
                case XMLStreamConstants.CDATA -> w.writeCData(x.getText());
                case XMLStreamConstants.COMMENT -> w.writeComment(x.getText());
                default -> { } // processing instructions are the peer's business
            }
            advance();
        }
    }


    private static String prefix(String p) {
        return p == null ? "" : p;
    }

    private static String nonNull(String ns) {
        return ns == null ? "" : ns;
    }

    private static OptionalLong number(String value) {
        if (value == null || !value.strip().matches("\\d{1,18}")) return OptionalLong.empty();
        return OptionalLong.of(Long.parseLong(value.strip()));
    }

    /**
     * The next event. Without a DTD an undeclared entity ({@code &nbsp;}) is passed on unexpanded and would vanish
     * from the text, so it is refused rather than lost.
     */
    private int advance() throws XMLStreamException {
        int event = x.next();
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw unreadable("the entity &" + x.getLocalName() + "; is not one XML defines, and a response may not declare it");
        }
        return event;
    }

    private UnreadableResponseException unreadable(String reason) {
        var at = x.getLocation();
        return new UnreadableResponseException(request, reason, at == null ? 0 : Math.max(at.getLineNumber(), 0),
                at == null ? 0 : Math.max(at.getColumnNumber(), 0), null);
    }
}
