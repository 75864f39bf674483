package dev.securitywatch.indexer.handler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.catalog.CatalogSettings;
import dev.securitywatch.indexer.opensearch.ClusterEndpoint;
import dev.securitywatch.indexer.ingest.LogSource;
import dev.securitywatch.indexer.setup.SetupSettings;
import dev.securitywatch.lambdakit.settings.Environment;
import dev.securitywatch.lambdakit.settings.SettingsException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * The Lambda configuration, read once per container through lambda-kit's {@link Environment} from the environment
 * the infra sets. A bad value fails the container start with a {@link SettingsException} naming the variable.
 */
public record IndexerSettings(ClusterEndpoint endpoint, Region region, Catalog catalog, SetupSettings setup,
                              Optional<LogSource> logSource) {

    public static IndexerSettings from(Map<String, String> variables, ObjectMapper mapper) {
        Environment env = new Environment(variables);
        ClusterEndpoint endpoint = env.parsed("OPENSEARCH_ENDPOINT", ClusterEndpoint::parse)
                .orElseThrow(() -> new SettingsException("OPENSEARCH_ENDPOINT is not set"));
        Region region = Region.of(env.required("AWS_REGION"));
        return new IndexerSettings(endpoint, region, catalog(env.optional("CATALOG_SETTINGS").orElse(null), mapper),
                new SetupSettings(retentionDays(env.optional("RETENTION_DAYS").orElse(null)),
                        env.optional("INDEXER_ROLE_ARN").orElse(null),
                        list(env.optional("AUDITOR_ROLE_ARNS").orElse(null))),
                logSource(env.optional("EVENTS_LOG_GROUP"), env.optional("EVENTS_LOG_OWNER")));
    }

    /** {@code EVENTS_LOG_GROUP} and {@code EVENTS_LOG_OWNER}: the subscription's source; both or neither. */
    private static Optional<LogSource> logSource(Optional<String> group, Optional<String> owner) {
        if (group.isPresent() != owner.isPresent()) {
            throw new SettingsException("EVENTS_LOG_GROUP and EVENTS_LOG_OWNER are set together or not at all");
        }
        owner.filter(account -> !account.matches("\\d{12}")).ifPresent(account -> {
            throw new SettingsException("EVENTS_LOG_OWNER must be a 12-digit account id, got '" + account + "'");
        });
        return group.map(name -> new LogSource(name, owner.get()));
    }

    /** {@code CATALOG_SETTINGS}; the CLI reads it too. */
    public static Catalog catalog(String json, ObjectMapper mapper) {
        if (json == null || json.isBlank()) {
            return Catalog.defaults();
        }
        try {
            return Catalog.defaults().configure(CatalogSettings.fromJson(mapper.readTree(json)));
        } catch (JsonProcessingException e) {
            throw new SettingsException("CATALOG_SETTINGS is not valid JSON: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            throw new SettingsException("CATALOG_SETTINGS: " + e.getMessage());
        }
    }

    /** {@code RETENTION_DAYS}, or the CLI's {@code --retention-days}; unset means the default. */
    public static int retentionDays(String value) {
        if (value == null || value.isBlank()) {
            return SetupSettings.DEFAULT_RETENTION_DAYS;
        }
        try {
            int days = Integer.parseInt(value.trim());
            if (days >= 1) {
                return days;
            }
        } catch (NumberFormatException e) {
            // Reported below, naming the variable.
        }
        throw new SettingsException("RETENTION_DAYS must be a positive whole number of days, got '" + value + "'");
    }

    public static List<String> list(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
