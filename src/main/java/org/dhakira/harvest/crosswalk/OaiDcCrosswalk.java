package org.dhakira.harvest.crosswalk;

import java.util.Optional;

import org.dhakira.harvest.Crosswalk;
import org.dhakira.harvest.HarvestedRecord;
import org.dhakira.harvest.Mapped;
import org.dhakira.harvest.Peer;
import org.dhakira.store.RecordId;
import org.dhakira.store.RecordStore;

/**
 * The harvester's {@code oai_dc}: {@link DublinCore} with the names of the archive's organisations and persons
 * read once per harvest ({@link NameIndex}).
 *
 * <pre>{@code new Harvester(store, client, Optional.of(new OaiDcCrosswalk(DublinCore.load(files, vocabulary))), clock)}</pre>
 */
public final class OaiDcCrosswalk implements Crosswalk {

    static final String NAMESPACE = "http://www.openarchives.org/OAI/2.0/oai_dc/";

    private final DublinCore dc;

    public OaiDcCrosswalk(DublinCore dc) {
        this.dc = dc;
    }

    @Override
    public String metadataPrefix() {
        return "oai_dc";
    }

    @Override
    public String metadataNamespace() {
        return NAMESPACE;
    }

    @Override
    public Run begin(Peer peer, RecordStore store) {
        NameMatcher names = NameIndex.of(store);
        return new Run() {
            @Override
            public Optional<RecordId> id(String identifier) {
                try {
                    return Optional.of(HarvestedIds.mint(peer.id(), identifier));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }

            @Override
            public Mapped map(HarvestedRecord record) {
                Mapping m = dc.map(peer.id(), store.base(), names, record);
                if (m instanceof Mapping.Mapped ok) return Mapped.of(ok.id(), ok.graph());
                if (m instanceof Mapping.Refused no) {
                    return Mapped.failed(no.problems().stream().map(p -> (p.field().isEmpty() ? "" : p.field() + ": ") + p.reason()).toList());
                }
                return Mapped.failed("is deleted, yet came with metadata");
            }
        };
    }
}
