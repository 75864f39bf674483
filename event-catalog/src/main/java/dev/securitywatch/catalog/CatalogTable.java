package dev.securitywatch.catalog;

import java.util.stream.Collectors;

/** The catalog as a Markdown table: the output of `list`, and the README's catalog section. */
public final class CatalogTable {
    private CatalogTable() {
    }

    public static String markdown(Catalog catalog) {
        StringBuilder out = new StringBuilder();
        out.append("| id | category | severity | region scope | default | matches | title | reference |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (CatalogEntry entry : catalog.allEntries()) {
            out.append("| `").append(entry.id()).append("` | ")
                    .append(entry.category().id()).append(" | ")
                    .append(entry.severity()).append(" | ")
                    .append(entry.regionScope().label()).append(" | ")
                    .append(catalog.isEnabled(entry) ? "on" : "off").append(" | ")
                    .append(cell(describeMatch(entry))).append(" | ")
                    .append(cell(entry.title())).append(" | ")
                    .append(cell(entry.reference())).append(" |\n");
        }
        return out.toString();
    }

    private static String describeMatch(CatalogEntry entry) {
        StringBuilder text = new StringBuilder();
        if (entry.eventSource() != null) {
            text.append(entry.eventSource());
        } else {
            text.append(entry.source()).append(" / ").append(String.join(", ", entry.detailTypes()));
        }
        if (!entry.eventNames().isEmpty()) {
            text.append(": ").append(entry.eventNames().stream().map(Match::toString)
                    .collect(Collectors.joining(", ")));
        }
        if (!entry.detailFilter().isEmpty()) {
            text.append(" where ").append(dev.securitywatch.catalog.pattern.PatternJson.write(entry.detailFilter()));
        }
        return text.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
