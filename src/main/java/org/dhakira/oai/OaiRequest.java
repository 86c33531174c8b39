package org.dhakira.oai;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A request checked against the protocol's rules for its verb (OAI-PMH 2.0, sections 3.1, 3.3 and 4): a known
 * verb given once; each argument known to the verb, given once and not empty; the required ones present; a
 * resumptionToken alone; {@code from} and {@code until} well formed, of one granularity, in order. What fails
 * is an {@link OaiException} (badVerb or badArgument) whose message names the argument.
 *
 * @param arguments the arguments as given (without the verb), echoed in the response's request element
 * @param from      inclusive; a day means its first second
 * @param until     inclusive; a day means its last second
 */
public record OaiRequest(Verb verb, Map<String, String> arguments, Optional<String> identifier,
                         Optional<String> metadataPrefix, Optional<String> set, Optional<Instant> from,
                         Optional<Instant> until, Optional<String> resumptionToken) {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SECOND = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    /** The schema's metadataPrefixType and setSpecType. */
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9\\-_.!~*'()]+");
    private static final Pattern SET_SPEC = Pattern.compile("[A-Za-z0-9\\-_.!~*'()]+(:[A-Za-z0-9\\-_.!~*'()]+)*");

    public OaiRequest {
        arguments = Map.copyOf(arguments);
    }

    /** Checks the parameters of a GET query string or POST form. */
    public static OaiRequest parse(Map<String, List<String>> given) throws OaiException {
        // A form field without '=' ("verb&…") comes from Jersey as a null value; it is an empty one.
        Map<String, List<String>> parameters = new java.util.LinkedHashMap<>();
        given.forEach((k, v) -> parameters.put(k, v.stream().map(x -> x == null ? "" : x).toList()));
        List<String> verbs = parameters.getOrDefault("verb", List.of());
        if (verbs.isEmpty()) throw new OaiException(OaiError.badVerb, "the verb argument is missing");
        if (verbs.size() > 1) throw new OaiException(OaiError.badVerb, "the verb argument is given " + verbs.size() + " times");
        Verb verb = Verb.named(verbs.get(0)).orElseThrow(() -> new OaiException(OaiError.badVerb,
                "'" + ResumptionToken.abbreviated(verbs.get(0)) + "' is not an OAI-PMH verb (GetRecord, Identify, ListIdentifiers, "
                        + "ListMetadataFormats, ListRecords, ListSets)"));

        Map<String, String> args = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : parameters.entrySet()) {
            String name = e.getKey();
            if (name.equals("verb")) continue;
            boolean allowed = verb.required.contains(name) || verb.optional.contains(name)
                    || (name.equals("resumptionToken") && verb.resumable());
            if (!allowed) throw new OaiException(OaiError.badArgument, "'" + ResumptionToken.abbreviated(name) + "' is not an argument of " + verb);
            if (e.getValue().size() != 1) throw new OaiException(OaiError.badArgument, "the " + name + " argument is given " + e.getValue().size() + " times");
            String value = e.getValue().get(0);
            if (value.isEmpty()) throw new OaiException(OaiError.badArgument, "the " + name + " argument is empty");
            if (value.codePoints().anyMatch(OaiRequest::unwritableInXml)) {
                throw new OaiException(OaiError.badArgument, "the " + name + " argument holds a control character, which no OAI-PMH argument has");
            }
            args.put(name, value);
        }
        if (args.containsKey("resumptionToken")) {
            if (args.size() > 1) {
                throw new OaiException(OaiError.badArgument, "resumptionToken is an exclusive argument; "
                        + String.join(", ", args.keySet().stream().filter(k -> !k.equals("resumptionToken")).toList()) + " must not be given with it");
            }
        } else {
            for (String name : verb.required) {
                if (!args.containsKey(name)) throw new OaiException(OaiError.badArgument, verb + " requires the " + name + " argument");
            }
        }
        // Arguments the response echoes must fit the schema's types for them, or the answer is badArgument.
        check(args, "metadataPrefix", PREFIX, "is not a metadata prefix (letters, digits and -_.!~*'())");
        check(args, "set", SET_SPEC, "is not a setSpec (letters, digits, -_.!~*'() in parts joined by ':')");
        if (args.containsKey("identifier") && !isUri(args.get("identifier"))) {
            throw new OaiException(OaiError.badArgument, "the identifier '" + ResumptionToken.abbreviated(args.get("identifier")) + "' is not a URI");
        }
        Optional<String> from = Optional.ofNullable(args.get("from"));
        Optional<String> until = Optional.ofNullable(args.get("until"));
        Optional<Instant> fromTime = from.isEmpty() ? Optional.empty() : Optional.of(datestamp("from", from.get(), false));
        Optional<Instant> untilTime = until.isEmpty() ? Optional.empty() : Optional.of(datestamp("until", until.get(), true));
        if (from.isPresent() && until.isPresent()) {
            if (from.get().length() != until.get().length()) {
                throw new OaiException(OaiError.badArgument, "from (" + from.get() + ") and until (" + until.get() + ") must have the same granularity");
            }
            if (untilTime.get().isBefore(fromTime.get())) {
                throw new OaiException(OaiError.badArgument, "until (" + until.get() + ") is earlier than from (" + from.get() + ")");
            }
        }
        return new OaiRequest(verb, args, Optional.ofNullable(args.get("identifier")), Optional.ofNullable(args.get("metadataPrefix")),
                Optional.ofNullable(args.get("set")), fromTime, untilTime, Optional.ofNullable(args.get("resumptionToken")));
    }

    private static void check(Map<String, String> args, String name, Pattern form, String reason) throws OaiException {
        String v = args.get(name);
        if (v != null && !form.matcher(v).matches()) {
            throw new OaiException(OaiError.badArgument, "the " + name + " '" + ResumptionToken.abbreviated(v) + "' " + reason);
        }
    }

    /** A URI reference, as the schema's anyURI wants (OAI identifiers are URIs, section 2.4). */
    private static boolean isUri(String s) {
        try {
            new java.net.URI(s);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** Whether XML 1.0 cannot carry the character (C0 controls but tab and line ends, U+FFFE, U+FFFF, lone surrogates). */
    static boolean unwritableInXml(int c) {
        return !(c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000);
    }

    /** A UTC datestamp of day or second granularity (the repository's finest); a day's end for {@code until}. */
    static Instant datestamp(String name, String value, boolean endOfDay) throws OaiException {
        try {
            if (value.startsWith("0000")) {
                throw new OaiException(OaiError.badArgument, name + " '" + value + "' is in the year 0, which XML Schema dates do not have");
            }
            if (DAY.matcher(value).matches()) {
                LocalDate day = LocalDate.parse(value);
                return endOfDay ? day.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().minusSeconds(1)
                        : day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            }
            if (SECOND.matcher(value).matches()) return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new OaiException(OaiError.badArgument, name + " '" + ResumptionToken.abbreviated(value) + "' is not a date that exists");
        }
        throw new OaiException(OaiError.badArgument, name + " '" + ResumptionToken.abbreviated(value)
                + "' must be YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (UTC)");
    }
}
