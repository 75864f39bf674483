package dev.securitywatch.catalog.pattern;

import dev.securitywatch.catalog.CatalogEntry;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * @param forwarded whether the deployed forwarding rules match the event
 * @param entries   the catalog entries whose own patterns match, in catalog order
 */
public record MatchResult(boolean forwarded, List<CatalogEntry> entries) {
    public MatchResult {
        entries = List.copyOf(entries);
    }

    /** The entry that decides title and severity when several match: the most urgent, then the first. */
    public Optional<CatalogEntry> primaryEntry() {
        return primaryOf(entries);
    }

    static Optional<CatalogEntry> primaryOf(List<CatalogEntry> entries) {
        return entries.stream().min(Comparator.comparing(CatalogEntry::severity));
    }
}
