package dev.securitywatch.catalog;

import dev.securitywatch.event.EventEnvelope;

import dev.securitywatch.catalog.DefaultCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The catalog with user settings applied: which entries exist and which are switched on. */
public final class Catalog {

    public static final String REMEDIATION_SOURCE = EventEnvelope.REMEDIATION_SOURCE;
    public static final String REMEDIATION_DETAIL_TYPE = EventEnvelope.REMEDIATION_DETAIL_TYPE;

    private static final Pattern EVENT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{1,127}");

    private final List<CatalogEntry> entries;
    private final Set<String> enabledIds;

    private Catalog(List<CatalogEntry> entries, Set<String> enabledIds) {
        this.entries = List.copyOf(entries);
        this.enabledIds = Set.copyOf(enabledIds);
    }

    /** The shipped catalog with its default on/off state. */
    public static Catalog defaults() {
        List<CatalogEntry> entries = DefaultCatalog.entries();
        return new Catalog(entries, entries.stream().filter(CatalogEntry::enabledByDefault)
                .map(CatalogEntry::id).collect(Collectors.toSet()));
    }

    /**
     * Applies user settings. Category switches apply first and entry switches after, so
     * {@code enable: [network], disable: [vpc-change]} keeps VPC changes off.
     */
    public Catalog configure(CatalogSettings settings) {
        Set<String> enabled = new LinkedHashSet<>(enabledIds);
        Map<String, CatalogEntry> byId = new LinkedHashMap<>();
        entries.forEach(e -> byId.put(e.id(), e));

        List<Switch> switches = new ArrayList<>();
        collectSwitches(settings.enable(), "enable", true, byId, switches);
        collectSwitches(settings.disable(), "disable", false, byId, switches);
        for (Switch s : switches) {
            if (s.category() != null) {
                apply(enabled, s, entryIdsOf(s.category()));
            }
        }
        for (Switch s : switches) {
            if (s.category() == null) {
                apply(enabled, s, Set.of(s.target()));
            }
        }

        for (Map.Entry<String, List<String>> extra : settings.extraEventNames().entrySet()) {
            String field = "extraEventNames." + extra.getKey();
            CatalogEntry entry = byId.get(extra.getKey());
            if (entry == null) {
                throw new CatalogSettingsException(field, "unknown entry id; known ids: " + knownIds());
            }
            for (int i = 0; i < extra.getValue().size(); i++) {
                String name = extra.getValue().get(i);
                if (name == null || !EVENT_NAME.matcher(name).matches()) {
                    throw new CatalogSettingsException(field + "[" + i + "]",
                            "expected a CloudTrail event name such as DeleteBucket, got '" + name + "'");
                }
            }
            try {
                byId.put(entry.id(), entry.withExtraEventNames(extra.getValue()));
            } catch (IllegalArgumentException e) {
                throw new CatalogSettingsException(field, e.getMessage());
            }
        }
        return new Catalog(new ArrayList<>(byId.values()), enabled);
    }

    private record Switch(String field, String target, Category category, boolean on) {
    }

    private static void collectSwitches(List<String> ids, String name, boolean on, Map<String, CatalogEntry> byId,
                                        List<Switch> out) {
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String field = name + "[" + i + "]";
            Optional<Category> category = id == null ? Optional.empty() : Category.fromId(id);
            if (category.isEmpty() && !byId.containsKey(id)) {
                throw new CatalogSettingsException(field, "unknown entry or category '" + id + "'; entries: "
                        + byId.keySet() + "; categories: " + categoryIds());
            }
            boolean contradicted = out.stream().anyMatch(s -> s.target().equals(id) && s.on() != on);
            if (contradicted) {
                throw new CatalogSettingsException(field, "'" + id + "' is both enabled and disabled");
            }
            out.add(new Switch(field, id, category.orElse(null), on));
        }
    }

    private static void apply(Set<String> enabled, Switch s, Set<String> ids) {
        if (s.on()) {
            enabled.addAll(ids);
        } else {
            enabled.removeAll(ids);
        }
    }

    private Set<String> entryIdsOf(Category category) {
        return entries.stream().filter(e -> e.category() == category).map(CatalogEntry::id)
                .collect(Collectors.toSet());
    }

    private String knownIds() {
        return entries.stream().map(CatalogEntry::id).toList().toString();
    }

    private static String categoryIds() {
        return java.util.Arrays.stream(Category.values()).map(Category::id).toList().toString();
    }

    /** Every entry, on or off, in catalog order. */
    public List<CatalogEntry> allEntries() {
        return entries;
    }

    public boolean isEnabled(CatalogEntry entry) {
        return enabledIds.contains(entry.id());
    }

    public List<CatalogEntry> enabledEntries() {
        return entries.stream().filter(this::isEnabled).toList();
    }

    /** The switched-on entries a member rule in this region must carry. */
    public List<CatalogEntry> enabledEntriesFor(String region) {
        return enabledEntries().stream().filter(e -> e.appliesIn(region)).toList();
    }

    public Optional<CatalogEntry> entry(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /**
     * Exact sources of the switched-on entries, for the central bus rule. Entries that match any {@code aws.*}
     * source add the prefix match instead.
     */
    public List<Match> enabledSources() {
        Set<Match> sources = new LinkedHashSet<>();
        enabledEntries().forEach(e -> sources.add(e.source()));
        boolean anyAws = sources.contains(Match.prefix("aws."));
        TreeSet<String> exact = new TreeSet<>();
        List<Match> result = new ArrayList<>();
        for (Match m : sources) {
            if (m.kind() == Match.Kind.EXACT && !(anyAws && m.value().startsWith("aws."))) {
                exact.add(m.value());
            } else if (m.kind() != Match.Kind.EXACT) {
                result.add(m);
            }
        }
        exact.forEach(v -> result.add(Match.exact(v)));
        return List.copyOf(result);
    }
}
