package dev.securitywatch.catalog;

import java.util.List;
import java.util.Map;

/**
 * What a user changed through the {@code catalog} context key.
 *
 * @param enable          entry ids or category ids to switch on (e.g. opt-in entries)
 * @param disable         entry ids or category ids to switch off
 * @param extraEventNames more exact event names per entry id
 */
public record CatalogSettings(List<String> enable, List<String> disable, Map<String, List<String>> extraEventNames) {

    public static final CatalogSettings DEFAULTS = new CatalogSettings(List.of(), List.of(), Map.of());

    public CatalogSettings {
        enable = List.copyOf(enable);
        disable = List.copyOf(disable);
        extraEventNames = Map.copyOf(extraEventNames);
    }
}
