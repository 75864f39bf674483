package dev.securitywatch.indexer.handler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.catalog.CatalogSettings;
import dev.securitywatch.indexer.opensearch.ClusterEndpoint;
import dev.securitywatch.indexer.setup.SetupSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.regions.Region;

/**
 * The Lambda configuration, read once per container from the environment the infra sets. A bad value fails the
 * container start with a message naming the variable.
 */
public record IndexerSettings(ClusterEndpoint endpoint, Region region, Catalog catalog, SetupSettings setup) {

    public static IndexerSettings from(Map<String, String> env, ObjectMapper mapper) {
        ClusterEndpoint endpoint;
        try {
            endpoint = ClusterEndpoint.parse(required(env, "OPENSEARCH_ENDPOINT"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("OPENSEARCH_ENDPOINT: " + e.getMessage());
        }
        Region region = Region.of(required(env, "AWS_REGION"));
        return new IndexerSettings(endpoint, region, catalog(env.get("CATALOG_SETTINGS"), mapper),
                new SetupSettings(retentionDays(env.get("RETENTION_DAYS")), blankToNull(env.get("INDEXER_ROLE_ARN")),
                        list(env.get("AUDITOR_ROLE_ARNS"))));
    }

    public static Catalog catalog(String json, ObjectMapper mapper) {
        if (json == null || json.isBlank()) {
            return Catalog.defaults();
        }
        try {
            return Catalog.defaults().configure(CatalogSettings.fromJson(mapper.readTree(json)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("CATALOG_SETTINGS is not valid JSON: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            throw new IllegalStateException("CATALOG_SETTINGS: " + e.getMessage());
        }
    }

    public static int retentionDays(String value) {
        if (value == null || value.isBlank()) {
            return SetupSettings.DEFAULT_RETENTION_DAYS;
        }
        try {
            int days = Integer.parseInt(value.trim());
            if (days < 1) {
                throw new NumberFormatException();
            }
            return days;
        } catch (NumberFormatException e) {
            throw new IllegalStateException("RETENTION_DAYS must be a positive whole number of days, got '"
                    + value + "'");
        }
    }

    public static List<String> list(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
