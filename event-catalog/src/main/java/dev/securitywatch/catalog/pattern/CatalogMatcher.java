package dev.securitywatch.catalog.pattern;

import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.catalog.CatalogEntry;
import dev.securitywatch.catalog.RegionScope;
import dev.securitywatch.event.EventEnvelope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers "would the catalog forward this event, and which entries say so?". Forwarding is decided by the merged
 * patterns the member rules deploy; the entries come from each entry's own pattern. Both use event-ruler. The
 * forwarding machine is built on first use: the Lambdas only ask for entries, and skip its cost at cold start.
 */
public final class CatalogMatcher {
    private final Catalog catalog;
    private final PatternMatcher<String> byEntry;
    private PatternMatcher<String> byRule;

    public CatalogMatcher(Catalog catalog) {
        this.catalog = catalog;
        Map<String, List<String>> entryPatterns = new LinkedHashMap<>();
        for (CatalogEntry entry : catalog.enabledEntries()) {
            entryPatterns.put(entry.id(), List.of(PatternJson.write(entry.toPattern())));
        }
        this.byEntry = new PatternMatcher<>(entryPatterns);
    }

    public MatchResult match(EventEnvelope envelope) {
        boolean forwarded = !forwardingRules().matches(envelope.json()).isEmpty();
        return new MatchResult(forwarded, entries(envelope));
    }

    /** The entries whose own patterns match, in catalog order. */
    public List<CatalogEntry> entries(EventEnvelope envelope) {
        List<String> ids = byEntry.matches(envelope.json());
        return catalog.enabledEntries().stream().filter(e -> ids.contains(e.id())).toList();
    }

    /** The entry that decides title and severity: see {@link MatchResult#primaryEntry()}. */
    public Optional<CatalogEntry> primaryEntry(EventEnvelope envelope) {
        return MatchResult.primaryOf(entries(envelope));
    }

    private synchronized PatternMatcher<String> forwardingRules() {
        if (byRule == null) {
            // The us-east-1 rule set holds every entry; other regions hold a subset of it.
            byRule = new PatternMatcher<>(Map.of("forwarding-rules",
                    ForwardingPatterns.forRegion(catalog, RegionScope.GLOBAL_SERVICE_REGION)));
        }
        return byRule;
    }
}
