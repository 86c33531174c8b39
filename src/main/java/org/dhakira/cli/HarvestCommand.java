package org.dhakira.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.dhakira.harvest.HarvestException;
import org.dhakira.harvest.Identity;
import org.dhakira.harvest.OaiClient;
import org.dhakira.harvest.Peer;
import org.dhakira.harvest.PeerState;
import org.dhakira.ingest.Progress;
import org.dhakira.server.Archive;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "harvest", mixinStandardHelpOptions = true,
        description = {"Harvest peer archives over OAI-PMH now: the enabled peers of harvest/peers.json, or those named, or a one-off --url.",
                "A stopped harvest resumes from its last committed page; each later harvest asks only what changed since the last one.",
                "Exits 0 when every harvest ended well, 4 when one failed (its error is shown and kept for the harvest page)."})
final class HarvestCommand implements Callable<Integer> {

    @Mixin
    ArchiveOptions archive;

    @Parameters(paramLabel = "PEER", arity = "0..*", description = "Ids of the peers to harvest (default: every enabled peer).")
    List<String> peers = new ArrayList<>();

    @Option(names = "--url", paramLabel = "URL", description = "Harvest this OAI-PMH base URL once, as a peer named after its repositoryName.")
    URI url;

    @Option(names = "--prefix", paramLabel = "P", description = "With --url: the metadata prefix (default: ${DEFAULT-VALUE}; rdf for a peer Dhakira).",
            defaultValue = "oai_dc")
    String prefix;

    @Option(names = "--set", paramLabel = "S", description = "With --url: harvest only this set.")
    String set;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (url == null && (set != null || spec.commandLine().getParseResult().hasMatchedOption("--prefix"))) {
            throw new ArchiveOptions.UsageException("--prefix and --set go with --url");
        }
        if (url != null && !peers.isEmpty()) throw new ArchiveOptions.UsageException("give peers or --url, not both");
        PrintWriter out = spec.commandLine().getOut();
        try (Archive opened = ArchiveOptions.open(archive.resolve(java.util.Map.of()), false)) {
            List<Peer> chosen = url != null ? List.of(oneOff(url, opened.peers())) : chosen(opened);
            if (chosen.isEmpty()) {
                out.println("No peer to harvest: harvest/peers.json lists none enabled (or give --url).");
                return 0;
            }
            boolean allWell = true;
            for (Peer p : chosen) {
                PeerState.Outcome o = opened.harvester().harvest(p, new ConsoleProgress());
                PeerState.Counts c = o.counts();
                out.printf("%s (%s): %s — %,d added, %,d updated, %,d deleted, %,d unchanged, %,d could not be taken, in %s%n",
                        p.nameEn(), p.baseUrl(), o.ok() ? "harvested" : "FAILED", c.added(), c.updated(), c.deleted(), c.unchanged(), c.failed(),
                        Duration.between(o.started(), o.ended()));
                o.error().ifPresent(e -> out.println("  " + e + (opened.harvester().state(p.id()).run().isPresent()
                        ? "\n  The next harvest resumes after the last page taken." : "")));
                c.failures().forEach(f -> out.println("  not taken: " + f.identifier() + ": " + f.reason()));
                if (c.failed() > c.failures().size()) out.printf("  … and %,d more not taken%n", c.failed() - c.failures().size());
                allWell &= o.ok();
            }
            return allWell ? 0 : 4;
        } catch (IllegalArgumentException e) {
            throw new ArchiveOptions.UsageException(e.getMessage());
        }
    }

    private List<Peer> chosen(Archive opened) {
        if (peers.isEmpty()) return opened.configuredPeers().stream().filter(Peer::enabled).toList();
        List<Peer> known = opened.peers();
        List<Peer> named = new ArrayList<>();
        for (String id : peers) {
            named.add(known.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(() -> new ArchiveOptions.UsageException(
                    "no peer '" + id + "' (known: " + String.join(", ", known.stream().map(Peer::id).toList()) + ")")));
        }
        return named;
    }

    /**
     * A peer not configured: named after what it says its name is, remembered (not scheduled) once harvested. The
     * same URL again is the same peer; another peer's id at another URL gets {@code -2}, {@code -3}…, as taking it
     * would resume that peer's harvest and write over its records.
     */
    private Peer oneOff(URI baseUrl, List<Peer> known) {
        Identity identity;
        try {
            identity = OaiClient.builder().build().identify(baseUrl);
        } catch (HarvestException e) {
            throw new ArchiveOptions.UsageException("the peer at " + baseUrl + " does not answer Identify: " + e.getMessage());
        }
        String name = identity.repositoryName().isBlank() ? baseUrl.getHost() : identity.repositoryName();
        String base = idFor(name, baseUrl);
        String id = base;
        for (int n = 2; ; n++) {
            String candidate = id;
            Optional<Peer> same = known.stream().filter(p -> p.id().equals(candidate)).findFirst();
            if (same.isEmpty() || same.get().baseUrl().equals(baseUrl)) break;
            id = base + "-" + n;
        }
        return new Peer(id, name, name, baseUrl, prefix, set == null ? List.of() : List.of(set), Duration.ofDays(1), false);
    }

    /** Lower-case letters, digits and '-' from the name, or from the host when the name has none (an Arabic name). */
    static String idFor(String name, URI baseUrl) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (ascii.length() < 2) ascii = Optional.ofNullable(baseUrl.getHost()).orElse("peer").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        if (ascii.length() > 40) ascii = ascii.substring(0, 40).replaceAll("-+$", "");
        if (!Character.isLetterOrDigit(ascii.charAt(0))) ascii = "p" + ascii;
        return ascii;
    }
}
