package dev.securitywatch.indexer.dashboards;

import java.util.List;

/**
 * A saved search auditors open in Dashboards. The query is Lucene syntax (the {@code query_string} query), so the
 * very same text runs in Dashboards and in the tests against a real node.
 *
 * @param id      the saved object id (stable: re-import replaces, never duplicates)
 * @param control the CIS AWS Foundations control it implements, or a Security Watch label
 */
public record AuditSearch(String id, String control, String title, String query, List<String> columns) {
    public AuditSearch {
        columns = List.copyOf(columns);
    }
}
