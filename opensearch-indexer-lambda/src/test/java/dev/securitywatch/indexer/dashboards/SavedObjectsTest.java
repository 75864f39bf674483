package dev.securitywatch.indexer.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SavedObjectsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The copy users import by hand (Dashboards Management, Saved objects, Import). */
    private static final Path USER_COPY = Path.of("dashboards/security-watch-saved-objects.ndjson");

    private final String generated = new SavedObjects(MAPPER).toNdjson();

    @Test
    void theShippedFileIsExactlyWhatSetupImports() throws IOException {
        assertThat(Files.readString(USER_COPY)).isEqualTo(generated);
    }

    @Test
    void generationIsStableAcrossRuns() {
        assertThat(new SavedObjects(new ObjectMapper()).toNdjson()).isEqualTo(generated);
    }

    @Test
    void everyReferenceResolvesAndEveryAuditSearchHasASearchAndATimeline() throws IOException {
        List<JsonNode> objects = generated.lines().map(this::read).toList();
        Set<String> ids = new HashSet<>();
        objects.forEach(o -> ids.add(o.path("type").asText() + ":" + o.path("id").asText()));

        for (JsonNode object : objects) {
            for (JsonNode reference : object.path("references")) {
                assertThat(ids).as(object.path("id").asText())
                        .contains(reference.path("type").asText() + ":" + reference.path("id").asText());
            }
            assertThat(object.path("attributes").path("description").asText()).contains(SavedObjects.VERSION_MARKER);
        }
        for (AuditSearch search : AuditSearches.all()) {
            assertThat(ids).contains("search:" + search.id(), "visualization:" + search.id() + "-timeline");
        }
        assertThat(ids).contains("dashboard:" + SavedObjects.DASHBOARD_ID, "index-pattern:security-events");
        assertThat(AuditSearches.all()).extracting(AuditSearch::control).contains("CIS 4.1", "CIS 4.15");
        assertThat(AuditSearches.all()).filteredOn(s -> s.control().equals("CIS 4.10")).singleElement()
                .extracting(AuditSearch::query).asString().contains("ModifySecurityGroupRules");
    }

    private JsonNode read(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
