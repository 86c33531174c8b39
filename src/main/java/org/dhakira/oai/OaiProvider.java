package org.dhakira.oai;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.dhakira.index.Listing;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;
import org.dhakira.store.StoredRecord;
import org.dhakira.store.UriSpace;
import org.dhakira.provenance.Provenance;
import org.apache.jena.graph.NodeFactory;
import org.dhakira.vocab.Kind;
import org.dhakira.vocab.Vocabulary;

/**
 * The OAI-PMH 2.0 provider: answers a request's parameters with a complete response document, errors
 * included (the protocol reports them inside a 200 response). Lists page through the index's ordered listing
 * by keyset, so every page costs the same at any depth; records come from one store snapshot per page.
 *
 * <pre>{@code provider.answer(Map.of("verb", List.of("Identify")), out);}</pre>
 */
public final class OaiProvider {

    static final String NS = "http://www.openarchives.org/OAI/2.0/";
    private static final String SCHEMA = NS + " http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd";

    private final Repository repository;
    private final RecordStore store;
    private final Listing listing;
    private final Clock clock;
    private final Map<String, MetadataFormat> formats = new LinkedHashMap<>();
    private final List<OaiSet> sets;
    /** Linked names for every page while the store is unchanged: the organisations, persons and places of a large archive. */
    private final org.dhakira.store.UntilChange<org.apache.jena.graph.Node, Map<String, String>> names = new org.dhakira.store.UntilChange<>(200_000, n -> 1);

    /** A peer whose harvested records form the set {@code source:{id}}. */
    public record Source(String id, String nameAr, String nameEn) {}

    private final java.util.function.Supplier<List<Source>> sources;

    public OaiProvider(Repository repository, RecordStore store, Listing listing, Vocabulary vocabulary, Clock clock) {
        this(repository, store, listing, vocabulary, clock, List::of);
    }

    /** @param sources the peers harvested so far, asked at each ListSets (a one-off harvest adds one) */
    public OaiProvider(Repository repository, RecordStore store, Listing listing, Vocabulary vocabulary, Clock clock,
                       java.util.function.Supplier<List<Source>> sources) {
        this.sources = sources;
        this.repository = repository;
        this.store = store;
        this.listing = listing;
        this.clock = clock;
        for (MetadataFormat f : List.of(new OaiDc(vocabulary, repository, store.uris()), new RdfXml(store.base()))) {
            formats.put(f.prefix(), f);
        }
        this.sets = OaiSet.all(vocabulary);
    }

    public Repository repository() {
        return repository;
    }

    /**
     * Writes the response to {@code parameters} (a query string's or a form's) to {@code out}, as UTF-8. The
     * index is read first, then the records from a store snapshot taken after it: the store commits before the
     * index shows a change, so every record the listing names is in the snapshot. The response, being one page,
     * is made in memory, so that no transaction waits on a slow client.
     */
    public void answer(Map<String, List<String>> parameters, OutputStream out) throws IOException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Response response;
        OaiRequest request = null;
        try {
            request = OaiRequest.parse(parameters);
            response = respond(request);
        } catch (OaiException e) {
            response = new ErrorResponse(e);
        }
        OaiRequest echoed = response instanceof ErrorResponse e && e.hidesRequest() ? null : request;
        Response body = response;
        // Rendered whole before a byte is sent, so a failure mid-page is an error, not a truncated page; a list is
        // sized for a hundred oai_dc records, so its buffer is not copied as it grows.
        boolean list = request != null && (request.verb() == Verb.ListRecords || request.verb() == Verb.ListIdentifiers);
        ByteArrayOutputStream page = new ByteArrayOutputStream(list ? 1 << 19 : 1 << 13);
        store.snapshot(snapshot -> {
            try {
                render(now, echoed, body, snapshot, page);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
        page.writeTo(out);
    }

    private void render(Instant now, OaiRequest echoed, Response response, RecordStore.Snapshot snapshot, OutputStream out)
            throws IOException {
        // The encoder buffers already, and the target is memory: no second buffer.
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            OaiXml xml = new OaiXml(writer);
            XMLStreamWriter w = xml.stax();
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("OAI-PMH");
            w.writeDefaultNamespace(NS);
            w.writeNamespace("xsi", OaiXml.XSI);
            w.writeAttribute("xsi", OaiXml.XSI, "schemaLocation", SCHEMA);
            w.setDefaultNamespace(NS);
            xml.element(NS, "responseDate", now.toString());
            w.writeStartElement(NS, "request");
            // The request's arguments are echoed only when they were valid (section 3.2).
            if (echoed != null) {
                xml.attribute("verb", echoed.verb().name());
                for (Map.Entry<String, String> a : echoed.arguments().entrySet()) xml.attribute(a.getKey(), a.getValue());
            }
            xml.text(repository.baseUrl());
            w.writeEndElement();
            response.write(xml, snapshot);
            w.writeEndElement();
            w.writeEndDocument();
            xml.flush();
            writer.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the OAI-PMH response", e);
        }
    }

    /** What follows the request element. */
    private interface Response {
        void write(OaiXml xml, RecordStore.Snapshot snapshot) throws XMLStreamException, IOException;
    }

    private record ErrorResponse(OaiException error) implements Response {
        boolean hidesRequest() {
            return error.code() == OaiError.badVerb || error.code() == OaiError.badArgument;
        }

        @Override
        public void write(OaiXml xml, RecordStore.Snapshot snapshot) throws XMLStreamException {
            XMLStreamWriter w = xml.stax();
            w.writeStartElement(NS, "error");
            w.writeAttribute("code", error.code().name());
            xml.text(error.getMessage());
            w.writeEndElement();
        }
    }

    private Response respond(OaiRequest r) throws OaiException {
        return switch (r.verb()) {
            case Identify -> identify();
            case ListMetadataFormats -> listMetadataFormats(r);
            case ListSets -> listSets(r);
            case GetRecord -> getRecord(r);
            case ListIdentifiers, ListRecords -> list(r);
        };
    }

    // Identify

    private Response identify() {
        Optional<Listing.Entry> first = listing.page(Optional.empty(), Optional.empty(), Optional.empty(), 0, 1).entries().stream().findFirst();
        return (xml, snapshot) -> identify(xml, first);
    }

    private void identify(OaiXml xml, Optional<Listing.Entry> first) throws XMLStreamException {
        XMLStreamWriter w = xml.stax();
        Instant earliest = first.map(Listing.Entry::datestamp).orElse(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        w.writeStartElement(NS, "Identify");
        xml.element(NS, "repositoryName", repository.name());
        xml.element(NS, "baseURL", repository.baseUrl());
        xml.element(NS, "protocolVersion", "2.0");
        xml.element(NS, "adminEmail", repository.adminEmail());
        xml.element(NS, "earliestDatestamp", earliest.toString());
        xml.element(NS, "deletedRecord", "persistent");
        xml.element(NS, "granularity", "YYYY-MM-DDThh:mm:ssZ");
        xml.element(NS, "compression", "gzip");
        xml.element(NS, "compression", "deflate");

        String identifierNs = "http://www.openarchives.org/OAI/2.0/oai-identifier";
        w.writeStartElement(NS, "description");
        w.writeStartElement("", "oai-identifier", identifierNs);
        w.writeDefaultNamespace(identifierNs);
        w.writeAttribute("xsi", OaiXml.XSI, "schemaLocation", identifierNs + " http://www.openarchives.org/OAI/2.0/oai-identifier.xsd");
        xml.element(identifierNs, "scheme", "oai");
        xml.element(identifierNs, "repositoryIdentifier", repository.identifier());
        xml.element(identifierNs, "delimiter", ":");
        RecordId sample = first.map(Listing.Entry::id).orElse(new RecordId(Kind.DOCUMENT, "example"));
        xml.element(identifierNs, "sampleIdentifier", repository.oaiIdentifier(sample));
        w.writeEndElement();
        w.writeEndElement();

        if (!repository.friends().isEmpty()) {
            String friendsNs = "http://www.openarchives.org/OAI/2.0/friends/";
            w.writeStartElement(NS, "description");
            w.writeStartElement("", "friends", friendsNs);
            w.writeDefaultNamespace(friendsNs);
            w.writeAttribute("xsi", OaiXml.XSI, "schemaLocation", friendsNs + " http://www.openarchives.org/OAI/2.0/friends.xsd");
            for (String url : repository.friends()) xml.element(friendsNs, "baseURL", url);
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    // ListMetadataFormats

    private Response listMetadataFormats(OaiRequest r) throws OaiException {
        if (r.identifier().isPresent()) record(r.identifier().get());
        return (xml, snapshot) -> {
            XMLStreamWriter w = xml.stax();
            w.writeStartElement(NS, "ListMetadataFormats");
            for (MetadataFormat f : formats.values()) {
                w.writeStartElement(NS, "metadataFormat");
                xml.element(NS, "metadataPrefix", f.prefix());
                xml.element(NS, "schema", f.schema());
                xml.element(NS, "metadataNamespace", f.namespace());
                w.writeEndElement();
            }
            w.writeEndElement();
        };
    }

    // ListSets

    private Response listSets(OaiRequest r) throws OaiException {
        // Every set fits on one page, so this provider never issues a ListSets token.
        if (r.resumptionToken().isPresent()) {
            throw new OaiException(OaiError.badResumptionToken, "ListSets is answered in one page; this provider issued no token for it");
        }
        return (xml, snapshot) -> {
            XMLStreamWriter w = xml.stax();
            w.writeStartElement(NS, "ListSets");
            for (OaiSet s : OaiSet.withSources(sets, sources.get())) {
                w.writeStartElement(NS, "set");
                xml.element(NS, "setSpec", s.spec());
                xml.element(NS, "setName", s.name());
                if (!s.descriptionAr().isEmpty() || !s.descriptionEn().isEmpty()) {
                    w.writeStartElement(NS, "setDescription");
                    w.writeStartElement("oai_dc", "dc", OaiDc.NS);
                    w.writeNamespace("oai_dc", OaiDc.NS);
                    w.writeNamespace("dc", OaiDc.DC);
                    w.writeAttribute("xsi", OaiXml.XSI, "schemaLocation", OaiDc.NS + " http://www.openarchives.org/OAI/2.0/oai_dc.xsd");
                    if (!s.descriptionAr().isEmpty()) xml.element("dc", OaiDc.DC, "description", s.descriptionAr(), "ar");
                    if (!s.descriptionEn().isEmpty()) xml.element("dc", OaiDc.DC, "description", s.descriptionEn(), "en");
                    w.writeEndElement();
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement();
        };
    }

    // GetRecord

    private Response getRecord(OaiRequest r) throws OaiException {
        MetadataFormat format = format(r.metadataPrefix().orElseThrow());
        RecordId id = record(r.identifier().orElseThrow());
        Listing.Entry entry = listing.entry(id).orElseThrow(() -> unknown(r.identifier().get()));
        return (xml, snapshot) -> {
            xml.stax().writeStartElement(NS, "GetRecord");
            writeRecords(xml, List.of(entry), format, snapshot, -1);
            xml.stax().writeEndElement();
        };
    }

    // ListIdentifiers and ListRecords

    private Response list(OaiRequest r) throws OaiException {
        ResumptionToken position;
        if (r.resumptionToken().isPresent()) {
            position = ResumptionToken.decode(r.resumptionToken().get());
            // A token names only what this provider offered when it made it.
            if (!formats.containsKey(position.metadataPrefix()) || position.set().map(s -> !OaiSet.offered(s)).orElse(false)) {
                throw new OaiException(OaiError.badResumptionToken, "the resumptionToken was not issued by this repository; start the list again without it");
            }
        } else {
            position = new ResumptionToken(r.metadataPrefix().orElseThrow(), r.set(), r.from(), r.until(), 0, 0, 0);
        }
        MetadataFormat format = format(position.metadataPrefix());
        if (position.set().isPresent() && !OaiSet.offered(position.set().get())) {
            throw new OaiException(OaiError.noRecordsMatch, "there is no set '" + ResumptionToken.abbreviated(position.set().get())
                    + "' (ListSets lists them)");
        }
        Listing.Page page = listing.page(position.set(), position.from(), position.until(), position.after(), repository.pageSize());
        List<Listing.Entry> entries = page.entries();
        if (entries.isEmpty()) {
            throw new OaiException(OaiError.noRecordsMatch, position.cursor() == 0
                    ? "no record matches these arguments"
                    : "the records this list had left have changed since, and moved past its until date");
        }
        // Counted once, on the first page, and carried in the token: counting a set costs as much as the set is large.
        long size = position.cursor() == 0 ? listing.count(position.set(), position.from(), position.until()) : position.size();
        Optional<ResumptionToken> next = page.more()
                ? Optional.of(new ResumptionToken(position.metadataPrefix(), position.set(), position.from(), position.until(),
                        page.last(), position.cursor() + entries.size(), size))
                : Optional.empty();
        return (xml, snapshot) -> {
            XMLStreamWriter w = xml.stax();
            w.writeStartElement(NS, r.verb().name());
            if (r.verb() == Verb.ListRecords) {
                writeRecords(xml, entries, format, snapshot, page.seenThrough());
            } else {
                for (Listing.Entry e : entries) writeHeader(xml, e.id(), e.datestamp(), e.deleted(), e.sets());
            }
            // The first page of a complete list has no token; a resumed list ends with an empty one (section 3.5).
            if (next.isPresent() || position.cursor() > 0) {
                w.writeStartElement(NS, "resumptionToken");
                // Records changed during the harvest come again at the end, so the list may outgrow the count.
                w.writeAttribute("completeListSize", Long.toString(Math.max(size, position.cursor() + entries.size())));
                w.writeAttribute("cursor", Long.toString(position.cursor()));
                if (next.isPresent()) xml.text(next.get().encode());
                w.writeEndElement();
            }
            w.writeEndElement();
        };
    }

    /**
     * The listed records as the snapshot has them. A record changed since the listing was read (a higher sequence
     * number in the store) is left for later in the list, where its new position puts it; only if that would
     * leave the page empty, which the schema forbids, is it shown in its new state here.
     *
     * @param listedAt the last change the listing's searcher had seen (-1: unknown); a snapshot at that very change
     *                 holds every entry as listed
     */
    private void writeRecords(OaiXml xml, List<Listing.Entry> entries, MetadataFormat format, RecordStore.Snapshot snapshot,
                              long listedAt) throws XMLStreamException, IOException {
        XMLStreamWriter w = xml.stax();
        long position = snapshot.position();
        boolean current = position == listedAt;
        LinkedNames linked = new LinkedNames(snapshot, position, store.uris(), names);
        // Unless nothing changed since the listing, one lookup per record tells whether the listed state is the
        // stored one; then the listing has the header and only a live record's graph is read.
        List<Listing.Entry> unchanged = new java.util.ArrayList<>();
        List<Listing.Entry> changed = new java.util.ArrayList<>();
        for (Listing.Entry e : entries) {
            if (current) {
                unchanged.add(e);
                continue;
            }
            Optional<Long> stored = snapshot.sequence(e.id());
            if (stored.isEmpty()) continue; // cannot happen (the store commits first), and must not fail a page
            (stored.get() == e.sequence() ? unchanged : changed).add(e);
        }
        boolean fresh = !unchanged.isEmpty();
        for (Listing.Entry e : fresh ? unchanged : changed) {
            StoredRecord r = fresh
                    ? new StoredRecord(e.id(), e.sequence(), e.datestamp(), e.deleted(), e.deleted() ? org.apache.jena.graph.Graph.emptyGraph
                            : format.properties().map(p -> snapshot.graph(e.id(), p)).orElseGet(() -> snapshot.graph(e.id())), List.of())
                    : snapshot.find(e.id()).orElseThrow();
            w.writeStartElement(NS, "record");
            writeHeader(xml, r.id(), r.datestamp(), r.deleted(), e.sets());
            if (!r.deleted()) {
                w.writeStartElement(NS, "metadata");
                format.write(xml, r, linked);
                w.writeEndElement();
                // Only harvested records ('~' in their keys) have provenance; theirs is read whole, as a crosswalk's
                // few fields leave it out.
                if (r.id().key().indexOf(UriSpace.ORIGIN_SEPARATOR) >= 0) {
                    org.apache.jena.graph.Graph whole = fresh && format.properties().isPresent() ? snapshot.graph(r.id()) : r.graph();
                    ProvenanceContainer.write(xml, Provenance.chain(whole, NodeFactory.createURI(store.uris().iri(r.id()))), format.namespace());
                }
            }
            w.writeEndElement();
        }
    }

    private void writeHeader(OaiXml xml, RecordId id, Instant datestamp, boolean deleted, List<String> sets) throws XMLStreamException {
        XMLStreamWriter w = xml.stax();
        w.writeStartElement(NS, "header");
        if (deleted) w.writeAttribute("status", "deleted");
        xml.element(NS, "identifier", repository.oaiIdentifier(id));
        xml.element(NS, "datestamp", datestamp.toString());
        for (String set : sets) if (OaiSet.offered(set)) xml.element(NS, "setSpec", set);
        w.writeEndElement();
    }

    private MetadataFormat format(String prefix) throws OaiException {
        MetadataFormat f = formats.get(prefix);
        if (f == null) {
            throw new OaiException(OaiError.cannotDisseminateFormat, "'" + ResumptionToken.abbreviated(prefix)
                    + "' is not a metadata format of this repository (" + String.join(", ", formats.keySet()) + ")");
        }
        return f;
    }

    /** The record an identifier names, which must exist (live or deleted). */
    private RecordId record(String identifier) throws OaiException {
        RecordId id = repository.recordId(identifier).orElseThrow(() -> unknown(identifier));
        if (store.status(id).isEmpty()) throw unknown(identifier);
        return id;
    }

    private OaiException unknown(String identifier) {
        return new OaiException(OaiError.idDoesNotExist, "there is no record '" + ResumptionToken.abbreviated(identifier)
                + "' in this repository (identifiers look like " + repository.oaiIdentifier(new RecordId(Kind.DOCUMENT, "key")) + ")");
    }
}
