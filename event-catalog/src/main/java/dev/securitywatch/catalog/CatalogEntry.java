package dev.securitywatch.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One watched kind of event. An entry compiles to exactly one EventBridge pattern (see {@link #toPattern()});
 * the forwarding rules are unions of those patterns.
 *
 * @param eventSource   CloudTrail {@code eventSource} (e.g. {@code iam.amazonaws.com}); null for non-CloudTrail events
 * @param eventNames    CloudTrail event names, exact or prefix; empty means any name
 * @param detailFilter  further pattern fields under {@code detail}, in EventBridge pattern syntax
 * @param title         what the alert is titled, e.g. "Security group changed"
 * @param resourceKind  what an alert headline says changed, e.g. "Security group" in "Security group change
 *                      detected"; null when the entry spans services, so the kind comes from each event (see
 *                      {@link ResourceKinds})
 * @param reference     where the entry comes from: a CIS control, the original seed list, or a research note
 * @param readOnlyOptIn true when the entry deliberately matches read-only calls (e.g. any root activity)
 * @param groupBy       how a burst of this entry's alerts is grouped into summaries
 */
public record CatalogEntry(
        String id,
        Category category,
        Severity severity,
        Match source,
        List<String> detailTypes,
        String eventSource,
        List<Match> eventNames,
        Map<String, Object> detailFilter,
        RegionScope regionScope,
        String title,
        String resourceKind,
        String reference,
        boolean enabledByDefault,
        boolean readOnlyOptIn,
        GroupBy groupBy) {

    public static final String API_CALL = "AWS API Call via CloudTrail";
    public static final String CONSOLE_SIGN_IN = "AWS Console Sign In via CloudTrail";

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern READ_ONLY_NAME = Pattern.compile("^(Describe|List|Get|Head|Lookup|Search|BatchGet).*");

    public CatalogEntry {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("catalog entry id must be kebab-case: " + id);
        }
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(regionScope, "regionScope");
        Objects.requireNonNull(title, "title");
        if (resourceKind != null && resourceKind.isBlank()) {
            throw new IllegalArgumentException(id + ": a resource kind, when given, must not be blank");
        }
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(groupBy, "groupBy");
        detailTypes = List.copyOf(detailTypes);
        eventNames = List.copyOf(eventNames);
        detailFilter = Map.copyOf(detailFilter);
        if (detailTypes.isEmpty()) {
            throw new IllegalArgumentException(id + ": at least one detail-type is required");
        }
        if (!eventNames.isEmpty() && eventSource == null) {
            throw new IllegalArgumentException(id + ": event names need an eventSource");
        }
        if (!readOnlyOptIn) {
            for (Match name : eventNames) {
                if (READ_ONLY_NAME.matcher(name.value()).matches()) {
                    throw new IllegalArgumentException(id + ": '" + name.value()
                            + "' looks like a read-only call; read-only calls need an explicit opt-in");
                }
            }
            if (eventNames.isEmpty() && detailTypes.contains(API_CALL)) {
                throw new IllegalArgumentException(id + ": matching any API call includes read-only calls,"
                        + " which needs an explicit opt-in");
            }
        }
    }

    public boolean appliesIn(String region) {
        return regionScope.includes(region);
    }

    /** A copy that also matches these exact event names (from the {@code catalog.extraEventNames} context key). */
    public CatalogEntry withExtraEventNames(List<String> names) {
        if (eventSource == null) {
            throw new IllegalArgumentException("entry '" + id + "' is not a CloudTrail entry; it takes no event names");
        }
        if (eventNames.isEmpty()) {
            throw new IllegalArgumentException("entry '" + id + "' already matches every event name");
        }
        List<Match> merged = new ArrayList<>(eventNames);
        for (String name : names) {
            Match match = Match.exact(name);
            if (!merged.contains(match)) {
                merged.add(match);
            }
        }
        return new CatalogEntry(id, category, severity, source, detailTypes, eventSource, merged, detailFilter,
                regionScope, title, resourceKind, reference, enabledByDefault, readOnlyOptIn, groupBy);
    }

    /** This entry's own EventBridge pattern, with keys in a stable order. */
    public Map<String, Object> toPattern() {
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("source", List.of(source.toPatternValue()));
        pattern.put("detail-type", detailTypes);
        Map<String, Object> detail = new LinkedHashMap<>();
        if (eventSource != null) {
            detail.put("eventSource", List.of(eventSource));
        }
        if (!eventNames.isEmpty()) {
            detail.put("eventName", eventNames.stream().map(Match::toPatternValue).toList());
        }
        detailFilter.keySet().stream().sorted().forEach(key -> detail.put(key, detailFilter.get(key)));
        if (!detail.isEmpty()) {
            pattern.put("detail", detail);
        }
        return pattern;
    }
}
