package dev.securitywatch.catalog.pattern;

import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.catalog.CatalogEntry;
import dev.securitywatch.catalog.RegionScope;
import dev.securitywatch.catalog.event.EventEnvelope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers "would the catalog forward this event, and which entries say so?". Forwarding is decided by the merged
 * patterns the member rules deploy; the entries come from each entry's own pattern. Both use event-ruler.
 */
public final class CatalogMatcher {
    private final Catalog catalog;
    private final PatternMatcher<String> byEntry;
    private final PatternMatcher<String> byRule;

    public CatalogMatcher(Catalog catalog) {
        this.catalog = catalog;
        Map<String, List<String>> entryPatterns = new LinkedHashMap<>();
        for (CatalogEntry entry : catalog.enabledEntries()) {
            entryPatterns.put(entry.id(), List.of(PatternJson.write(entry.toPattern())));
        }
        this.byEntry = new PatternMatcher<>(entryPatterns);
        // The us-east-1 rule set holds every entry; other regions hold a subset of it.
        this.byRule = new PatternMatcher<>(Map.of("forwarding-rules",
                ForwardingPatterns.forRegion(catalog, RegionScope.GLOBAL_SERVICE_REGION)));
    }

    public MatchResult match(EventEnvelope envelope) {
        boolean forwarded = !byRule.matches(envelope.json()).isEmpty();
        List<String> ids = byEntry.matches(envelope.json());
        List<CatalogEntry> entries = catalog.enabledEntries().stream().filter(e -> ids.contains(e.id())).toList();
        return new MatchResult(forwarded, entries);
    }
}
