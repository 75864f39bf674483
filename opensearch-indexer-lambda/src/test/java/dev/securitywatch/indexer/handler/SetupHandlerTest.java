package dev.securitywatch.indexer.handler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.securitywatch.indexer.handler.IndexerSettings;
import dev.securitywatch.lambdakit.testing.LogCapture;
import dev.securitywatch.indexer.dashboards.SavedObjects;
import dev.securitywatch.indexer.setup.SetupException;
import java.io.IOException;
import java.io.InputStream;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The custom-resource handler against a stub of the domain's REST APIs (index templates, ISM, security plugin,
 * Dashboards saved objects), which the in-JVM node does not have.
 */
class SetupHandlerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** CRITICAL, HIGH and the fifteen CIS 4.x searches. */
    private static final int MONITORS = 17;
    private static final String INDEXER_ARN = "arn:aws:iam::111111111111:role/security-watch-indexer";
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(options().bindAddress("127.0.0.1").dynamicPort()).build();

    private SetupHandler handler;

    @BeforeEach
    void reset() {
        server.stubFor(get(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":404}")));
        server.stubFor(put(anyUrl()).atPriority(10).willReturn(okJson("{\"acknowledged\":true}")));
        server.stubFor(post(anyUrl()).atPriority(10).willReturn(okJson("{}")));
        handler = new SetupHandler(IndexerSettings.from(Map.of(
                "OPENSEARCH_ENDPOINT", "http://127.0.0.1:" + server.getPort(), "AWS_REGION", "us-east-1",
                "RETENTION_DAYS", "90", "INDEXER_ROLE_ARN", INDEXER_ARN,
                "AUDITOR_ROLE_ARNS", "arn:aws:iam::111111111111:role/a, arn:aws:iam::111111111111:role/b"), MAPPER));
    }

    @Test
    void createWritesEveryObjectWithLeastPrivilegeRolesAndRetention() {
        Map<String, Object> response;
        List<JsonNode> logged;
        try (LogCapture logs = LogCapture.start()) {
            response = handler.handleRequest(event("Create"), null);
            logged = logs.lines();
        }

        assertThat(response).containsEntry("PhysicalResourceId", SetupHandler.PHYSICAL_ID);
        @SuppressWarnings("unchecked")
        Map<String, Integer> data = (Map<String, Integer>) response.get("Data");
        assertThat(data).containsEntry("UNCHANGED", 0).containsEntry("UPDATED", 0).containsEntry("SKIPPED", 0);
        assertThat(data.get("CREATED")).isEqualTo(9 + MONITORS + new SavedObjects(MAPPER).all().size());
        assertThat(logged).hasSize(data.get("CREATED")).allSatisfy(line -> {
            assertThat(line.path("change").asText()).isEqualTo("CREATED");
            assertThat(line.path("service").asText()).isEqualTo("security-watch-indexer");
        });
        assertThat(logged).extracting(line -> line.path("object").asText())
                .contains("ISM policy security-events-retention");
        server.verify(putRequestedFor(urlEqualTo("/_plugins/_ism/policies/security-events-retention"))
                .withRequestBody(containing("\"min_index_age\":\"90d\""))
                .withRequestBody(containing("{\"read_only\":{}}"))
                .withRequestBody(containing("\"min_index_age\":\"125d\""))
                .withRequestBody(containing("\"security-events-2*\"")));
        server.verify(putRequestedFor(urlEqualTo("/_plugins/_security/api/roles/security-watch-indexer"))
                .withRequestBody(containing("indices:data/write/bulk"))
                .withRequestBody(containing("security-events*")));
        server.verify(putRequestedFor(urlEqualTo("/_plugins/_security/api/rolesmapping/security-watch-indexer"))
                .withRequestBody(equalTo("{\"backend_roles\":[\"" + INDEXER_ARN + "\"]}")));
        server.verify(putRequestedFor(urlEqualTo("/_plugins/_security/api/rolesmapping/security-watch-auditor"))
                .withRequestBody(containing("role/a\",\"arn:aws:iam::111111111111:role/b")));
        server.verify(postRequestedFor(
                urlEqualTo("/_dashboards/api/saved_objects/dashboard/security-watch-overview?overwrite=true"))
                .withHeader("osd-xsrf", equalTo("true")));
        server.verify(putRequestedFor(urlEqualTo("/_index_template/security-events")));
        server.verify(putRequestedFor(urlEqualTo("/_plugins/_security/api/audit/config"))
                .withRequestBody(containing("\"write_watched_indices\":[\"security-events*\"]")));
        server.verify(MONITORS, postRequestedFor(urlEqualTo("/_plugins/_alerting/monitors")));
        server.verify(postRequestedFor(urlEqualTo("/_plugins/_alerting/monitors"))
                .withRequestBody(containing("\"name\":\"Security Watch: CRITICAL events\""))
                .withRequestBody(containing("\"query_string\":{\"query\":\"event.severity:CRITICAL\"}")));
        server.verify(putRequestedFor(urlEqualTo("/_cluster/settings"))
                .withRequestBody(equalTo("{\"persistent\":{\"cluster.max_shards_per_node\":300}}")));
    }

    @Test
    void aMonitorFoundByNameIsUpdatedInPlaceNotCreatedAgain() {
        server.stubFor(post(urlEqualTo("/_plugins/_alerting/monitors/_search"))
                .withRequestBody(containing("Security Watch: CRITICAL events")).atPriority(1)
                .willReturn(okJson("{\"hits\":{\"hits\":[{\"_id\":\"mon-1\",\"_source\":{\"type\":\"monitor\","
                        + "\"name\":\"Security Watch: CRITICAL events\",\"enabled\":false}}]}}")));
        server.stubFor(put(urlEqualTo("/_plugins/_alerting/monitors/mon-1")).atPriority(1)
                .willReturn(okJson("{\"_id\":\"mon-1\"}")));

        handler.handleRequest(event("Update"), null);

        server.verify(putRequestedFor(urlEqualTo("/_plugins/_alerting/monitors/mon-1"))
                .withRequestBody(containing("\"enabled\":true")));
        server.verify(MONITORS - 1, postRequestedFor(urlEqualTo("/_plugins/_alerting/monitors")));
    }

    @Test
    void indexerRoleGrantsNoReadDeleteOrAllAccess() throws IOException {
        try (InputStream in = SetupHandlerTest.class.getResourceAsStream("/opensearch/role-indexer.json")) {
            JsonNode role = MAPPER.readTree(in);
            List<String> actions = new ArrayList<>();
            role.path("cluster_permissions").forEach(a -> actions.add(a.asText()));
            role.path("index_permissions").forEach(p -> p.path("allowed_actions").forEach(a -> actions.add(a.asText())));
            assertThat(actions).doesNotContain("all_access", "read", "write", "crud", "*", "indices_all")
                    .noneMatch(a -> a.contains("delete") || a.startsWith("indices:data/read"));
            assertThat(role.path("index_permissions").get(0).path("index_patterns").get(0).asText())
                    .isEqualTo("security-events*");
        }
    }

    @Test
    void objectsAlreadyInPlaceAreLeftAloneAndAChangedIsmPolicyIsUpdatedWithOptimisticLocking() throws IOException {
        ObjectNode auditor = MAPPER.createObjectNode();
        ObjectNode stored = (ObjectNode) MAPPER.readTree(
                SetupHandlerTest.class.getResourceAsStream("/opensearch/role-auditor.json"));
        stored.put("reserved", false).put("static", false);
        auditor.set("security-watch-auditor", stored);
        server.stubFor(get(urlEqualTo("/_plugins/_security/api/roles/security-watch-auditor"))
                .willReturn(okJson(auditor.toString())));
        server.stubFor(get(urlEqualTo("/_plugins/_ism/policies/security-events-retention"))
                .willReturn(okJson("{\"_id\":\"security-events-retention\",\"_seq_no\":7,\"_primary_term\":2,"
                        + "\"policy\":{\"description\":\"an older policy\"}}")));

        handler.handleRequest(event("Update"), null);

        server.verify(0, putRequestedFor(urlPathEqualTo("/_plugins/_security/api/roles/security-watch-auditor")));
        server.verify(putRequestedFor(urlPathEqualTo("/_plugins/_ism/policies/security-events-retention"))
                .withQueryParam("if_seq_no", equalTo("7")).withQueryParam("if_primary_term", equalTo("2")));
    }

    @Test
    void aRefusedWriteFailsTheDeploymentWithTheObjectAndStatus() {
        server.stubFor(put(urlEqualTo("/_plugins/_security/api/roles/security-watch-indexer"))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"FORBIDDEN\",\"message\":\"no permissions\"}")));

        assertThatThrownBy(() -> handler.handleRequest(event("Create"), null))
                .isInstanceOf(SetupException.class)
                .hasMessageContaining("role security-watch-indexer")
                .hasMessageContaining("HTTP 403");
    }

    @Test
    void aFailedReadFailsTheDeploymentWithoutWriting() {
        server.stubFor(get(urlEqualTo("/_index_template/security-events")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"boom\"}")));

        assertThatThrownBy(() -> handler.handleRequest(event("Create"), null))
                .isInstanceOf(SetupException.class)
                .hasMessageContaining("index template security-events: GET /_index_template/security-events")
                .hasMessageContaining("HTTP 500");
        server.verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void unreachableDomainFailsTheDeployment() {
        SetupHandler unreachable = new SetupHandler(IndexerSettings.from(Map.of(
                "OPENSEARCH_ENDPOINT", "http://127.0.0.1:9", "AWS_REGION", "us-east-1"), MAPPER));

        assertThatThrownBy(() -> unreachable.handleRequest(event("Create"), null))
                .isInstanceOf(SetupException.class).hasMessageContaining("cannot reach http://127.0.0.1:9");
    }

    @Test
    void deleteLeavesEverythingInPlace() {
        Map<String, Object> event = event("Delete");
        event.put("PhysicalResourceId", "existing-id");

        Map<String, Object> response = handler.handleRequest(event, null);

        assertThat(response).containsEntry("PhysicalResourceId", "existing-id").containsEntry("Data", Map.of());
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void unknownRequestTypeFails() {
        assertThatThrownBy(() -> handler.handleRequest(event("Replace"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Replace");
    }

    private static Map<String, Object> event(String requestType) {
        Map<String, Object> event = new HashMap<>();
        event.put("RequestType", requestType);
        event.put("ResourceProperties", Map.of("ServiceToken", "arn:aws:lambda:us-east-1:111111111111:function:x"));
        return event;
    }
}
