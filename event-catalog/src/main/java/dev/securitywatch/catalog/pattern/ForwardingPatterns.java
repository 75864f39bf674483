package dev.securitywatch.catalog.pattern;

import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.catalog.CatalogEntry;
import dev.securitywatch.catalog.HealthEntries;
import dev.securitywatch.catalog.MemberNames;
import dev.securitywatch.catalog.Match;
import dev.securitywatch.catalog.RegionScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles the catalog into the EventBridge patterns that member rules carry. Entries that differ only in event
 * names share one {@code $or} branch; branches are packed first-fit into as few patterns as the pattern size quota
 * allows. The result matches exactly the union of the entries' own patterns.
 */
public final class ForwardingPatterns {

    /** EventBridge's default quota for one event pattern, in characters. */
    public static final int MAX_PATTERN_CHARS = 2048;

    /**
     * The pattern's length if whatever serializes it (CloudFormation, the console) puts a space after every
     * separator. Patterns are packed against this bound, so they fit the quota however they are re-serialized.
     */
    public static int worstCaseLength(String compactPattern) {
        int separators = 0;
        for (int i = 0; i < compactPattern.length(); i++) {
            char c = compactPattern.charAt(i);
            if (c == ',' || c == ':') {
                separators++;
            }
        }
        return compactPattern.length() + separators;
    }

    private ForwardingPatterns() {
    }

    /** Patterns for a member rule set in {@code region}, as compact JSON. */
    public static List<String> forRegion(Catalog catalog, String region) {
        return pack(catalog.enabledEntriesFor(region), MAX_PATTERN_CHARS);
    }

    /** Patterns for every region but the global services' one: what a StackSet template deploys there. */
    public static List<String> outsideGlobalServiceRegion(Catalog catalog) {
        return pack(catalog.enabledEntries().stream()
                .filter(entry -> entry.regionScope() == RegionScope.EVERY_REGION).toList(), MAX_PATTERN_CHARS);
    }

    /**
     * The central bus's alerts-and-audit rule: every source the switched-on catalog can forward, except heartbeats.
     * A heartbeat is excluded only whole (the canary's role, its write, on its target), so the canary's role name
     * cannot hide anything else: each branch below admits an event that differs from a heartbeat in one respect.
     */
    public static String centralBusPattern(Catalog catalog) {
        List<Object> sources = catalog.enabledSources().stream().map(Match::toPatternValue).toList();
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("source", sources);
        pattern.put("detail", Map.of("$or", List.of(
                issuer(List.of(Map.of("exists", false))),
                issuer(List.of(Map.of("anything-but", Map.of("prefix", HealthEntries.CANARY_ROLE_PREFIX)))),
                Map.of("eventName", List.of(Map.of("anything-but", List.of("PutParameter", "TagRole")))),
                Map.of("requestParameters", Map.of("name", List.of(Map.of("anything-but",
                        MemberNames.canaryParameters())))),
                Map.of("requestParameters", Map.of("roleName", List.of(Map.of("anything-but",
                        Map.of("prefix", HealthEntries.CANARY_ROLE_PREFIX)))))
        )));
        return PatternJson.write(pattern);
    }

    /** The central bus's heartbeat rule: exactly the heartbeat entries' own patterns. */
    public static String centralHeartbeatPattern(Catalog catalog) {
        List<Map<String, Object>> heartbeats = catalog.allEntries().stream()
                .filter(entry -> entry.id().equals(HealthEntries.HEARTBEAT)
                        || entry.id().equals(HealthEntries.GLOBAL_HEARTBEAT))
                .map(CatalogEntry::toPattern).toList();
        return PatternJson.write(Map.of("$or", heartbeats));
    }

    private static Map<String, Object> issuer(List<Object> match) {
        return Map.of("userIdentity", Map.of("sessionContext", Map.of("sessionIssuer", Map.of("userName", match))));
    }

    static List<String> pack(List<CatalogEntry> entries, int maxChars) {
        List<List<Map<String, Object>>> patterns = new ArrayList<>();
        for (Map<String, Object> branch : fitBranches(mergeBranches(entries), maxChars)) {
            boolean placed = false;
            for (List<Map<String, Object>> pattern : patterns) {
                pattern.add(branch);
                if (worstCaseLength(render(pattern)) <= maxChars) {
                    placed = true;
                    break;
                }
                pattern.remove(pattern.size() - 1);
            }
            if (!placed) {
                List<Map<String, Object>> pattern = new ArrayList<>();
                pattern.add(branch);
                patterns.add(pattern);
            }
        }
        return patterns.stream().map(ForwardingPatterns::render).toList();
    }

    private static String render(List<Map<String, Object>> branches) {
        return PatternJson.write(branches.size() == 1 ? branches.get(0) : Map.of("$or", branches));
    }

    /** One branch per (source, detail-type, eventSource, filter) with the entries' event names united. */
    private static List<Map<String, Object>> mergeBranches(List<CatalogEntry> entries) {
        Map<String, List<CatalogEntry>> groups = new LinkedHashMap<>();
        for (CatalogEntry entry : entries) {
            Map<String, Object> key = entry.toPattern();
            withoutEventNames(key);
            groups.computeIfAbsent(PatternJson.write(key), k -> new ArrayList<>()).add(entry);
        }
        List<Map<String, Object>> branches = new ArrayList<>();
        for (List<CatalogEntry> group : groups.values()) {
            Map<String, Object> branch = group.get(0).toPattern();
            boolean anyName = group.stream().anyMatch(e -> e.eventNames().isEmpty());
            if (anyName) {
                withoutEventNames(branch);
            } else {
                List<Object> names = new ArrayList<>();
                group.stream().flatMap(e -> e.eventNames().stream()).map(Match::toPatternValue).distinct()
                        .forEach(names::add);
                detailOf(branch).put("eventName", names);
            }
            branches.add(branch);
        }
        return branches;
    }

    /** Splits a branch whose name list alone is over the limit into several branches. */
    private static List<Map<String, Object>> fitBranches(List<Map<String, Object>> branches, int maxChars) {
        List<Map<String, Object>> fitted = new ArrayList<>();
        for (Map<String, Object> branch : branches) {
            split(branch, maxChars, fitted);
        }
        return fitted;
    }

    @SuppressWarnings("unchecked")
    private static void split(Map<String, Object> branch, int maxChars, List<Map<String, Object>> out) {
        if (worstCaseLength(PatternJson.write(branch)) <= maxChars) {
            out.add(branch);
            return;
        }
        Map<String, Object> detail = detailOf(branch);
        List<Object> names = detail == null ? null : (List<Object>) detail.get("eventName");
        if (names == null || names.size() < 2) {
            throw new IllegalArgumentException("a single catalog pattern exceeds " + maxChars
                    + " characters: " + PatternJson.write(branch));
        }
        int half = names.size() / 2;
        split(withNames(branch, names.subList(0, half)), maxChars, out);
        split(withNames(branch, names.subList(half, names.size())), maxChars, out);
    }

    private static Map<String, Object> withNames(Map<String, Object> branch, List<Object> names) {
        Map<String, Object> copy = new LinkedHashMap<>(branch);
        Map<String, Object> detail = new LinkedHashMap<>(detailOf(branch));
        detail.put("eventName", List.copyOf(names));
        copy.put("detail", detail);
        return copy;
    }

    private static void withoutEventNames(Map<String, Object> pattern) {
        Map<String, Object> detail = detailOf(pattern);
        if (detail != null) {
            detail.remove("eventName");
            if (detail.isEmpty()) {
                pattern.remove("detail");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detailOf(Map<String, Object> pattern) {
        return (Map<String, Object>) pattern.get("detail");
    }
}
