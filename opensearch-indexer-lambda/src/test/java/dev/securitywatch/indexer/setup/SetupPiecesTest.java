package dev.securitywatch.indexer.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.indexer.handler.IndexerSettings;
import dev.securitywatch.indexer.ingest.LogSource;
import dev.securitywatch.indexer.opensearch.ClusterEndpoint;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SetupPiecesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "{\"a\":1}|{\"a\":\"1\",\"b\":2}|true",
            "{\"a\":false}|{\"a\":\"false\"}|true",
            "{\"a\":{\"b\":[1,2]}}|{\"a\":{\"b\":[1,2],\"c\":3}}|true",
            "{\"a\":[1,2]}|{\"a\":[1,2,3]}|false",
            "{\"a\":[{\"x\":1}]}|{\"a\":[{\"x\":1,\"last_updated_time\":5}]}|true",
            "{\"a\":1}|{\"b\":1}|false",
            "{\"a\":null}|{}|true",
            "{\"a\":\"x\"}|{\"a\":{\"x\":1}}|false"})
    void desiredMustBeContainedInCurrentWithScalarsComparedAsText(String desired, String current, boolean expected)
            throws Exception {
        assertThat(JsonSubset.contains(MAPPER.readTree(current), MAPPER.readTree(desired))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "none", value = {
            "https://vpc-sw-abc.us-east-1.es.amazonaws.com, true, vpc-sw-abc.us-east-1.es.amazonaws.com, ''",
            "http://127.0.0.1:9200/, false, 127.0.0.1:9200, ''",
            "http://127.0.0.1:5601/prefix/, false, 127.0.0.1:5601, /prefix"})
    void parsesEndpoints(String url, boolean secure, String host, String prefix) {
        ClusterEndpoint endpoint = ClusterEndpoint.parse(url);

        assertThat(endpoint).isEqualTo(new ClusterEndpoint(secure, host, prefix));
        assertThat(endpoint.dashboards().pathPrefix()).isEqualTo(prefix + "/_dashboards");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ftp://x, https:// or http://", "'not a url', not a URL", "http://, not a URL"})
    void rejectsBadEndpoints(String url, String message) {
        assertThatThrownBy(() -> ClusterEndpoint.parse(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void environmentDefaultsAndErrorsNameTheVariable() {
        IndexerSettings environment = IndexerSettings.from(Map.of(
                "OPENSEARCH_ENDPOINT", "https://vpc-x.eu-west-1.es.amazonaws.com", "AWS_REGION", "eu-west-1"),
                MAPPER);

        assertThat(environment.setup().retentionDays()).isEqualTo(400);
        assertThat(environment.setup().indexerRoleArn()).isNull();
        assertThat(environment.setup().auditorRoleArns()).isEmpty();
        assertThatThrownBy(() -> IndexerSettings.from(Map.of("AWS_REGION", "eu-west-1"), MAPPER))
                .hasMessage("OPENSEARCH_ENDPOINT is not set");
        assertThatThrownBy(() -> IndexerSettings.from(Map.of("OPENSEARCH_ENDPOINT", "http://x"), MAPPER))
                .hasMessage("AWS_REGION is not set");
        assertThatThrownBy(() -> IndexerSettings.from(Map.of("OPENSEARCH_ENDPOINT", "http://x",
                "AWS_REGION", "eu-west-1", "RETENTION_DAYS", "soon"), MAPPER)).hasMessageContaining("RETENTION_DAYS");
        assertThatThrownBy(() -> IndexerSettings.from(Map.of("OPENSEARCH_ENDPOINT", "http://x",
                "AWS_REGION", "eu-west-1", "CATALOG_SETTINGS", "{\"enable\":[\"nope\"]}"), MAPPER))
                .hasMessageContaining("CATALOG_SETTINGS");
        assertThatThrownBy(() -> IndexerSettings.from(Map.of("OPENSEARCH_ENDPOINT", "vpc-x",
                "AWS_REGION", "eu-west-1"), MAPPER)).hasMessageStartingWith("OPENSEARCH_ENDPOINT:");
    }

    @Test
    void theEventsLogIsNamedWithItsAccountOrNotAtAll() {
        assertThat(IndexerSettings.from(Map.of("OPENSEARCH_ENDPOINT", "http://x", "AWS_REGION", "eu-west-1",
                "EVENTS_LOG_GROUP", "/security-watch/events", "EVENTS_LOG_OWNER", "999999999999"), MAPPER).logSource())
                .contains(new LogSource("/security-watch/events", "999999999999"));
        assertThatThrownBy(() -> IndexerSettings.from(Map.of("OPENSEARCH_ENDPOINT", "http://x",
                "AWS_REGION", "eu-west-1", "EVENTS_LOG_GROUP", "/security-watch/events"), MAPPER))
                .hasMessage("EVENTS_LOG_GROUP and EVENTS_LOG_OWNER are set together or not at all");
        assertThatThrownBy(() -> IndexerSettings.from(Map.of("OPENSEARCH_ENDPOINT", "http://x",
                "AWS_REGION", "eu-west-1", "EVENTS_LOG_GROUP", "/g", "EVENTS_LOG_OWNER", "me"), MAPPER))
                .hasMessage("EVENTS_LOG_OWNER must be a 12-digit account id, got 'me'");
    }
}
