package dev.securitywatch.indexer.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.indexer.dashboards.SavedObject;
import dev.securitywatch.indexer.dashboards.SavedObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything setup keeps in place. Cluster objects: the two index templates, the ISM retention policy, and the
 * fine-grained access control roles and role mappings. Dashboards objects: the saved objects.
 */
public final class SetupPlan {
    public static final String EVENTS_TEMPLATE = "security-events";
    public static final String FAILED_TEMPLATE = "security-events-failed";
    public static final String ISM_POLICY = "security-events-retention";
    public static final String INDEXER_ROLE = "security-watch-indexer";
    public static final String AUDITOR_ROLE = "security-watch-auditor";
    /**
     * The domain's shard ceiling: the monthly indices of a long retention, with replicas, the failed and out-of-range
     * indices and the system indices need well under a hundred. A runaway that creates indices stops here, with an
     * error in the indexer's log, before it exhausts a small node's heap.
     */
    public static final int MAX_SHARDS_PER_NODE = 300;

    private final ObjectMapper mapper;

    public SetupPlan(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public List<ManagedObject> clusterObjects(SetupSettings settings) {
        List<ManagedObject> objects = new ArrayList<>();
        objects.add(indexTemplate(EVENTS_TEMPLATE, resource("index-template.json")));
        objects.add(indexTemplate(FAILED_TEMPLATE, resource("failed-index-template.json")));
        objects.add(ismPolicy(settings.retentionDays()));
        objects.add(shardLimit());
        // Every write to the audit indices, and every refused request, in the domain's AUDIT_LOGS: an overwrite or
        // delete that fine-grained access control should refuse anyway still leaves a trace.
        objects.add(ManagedObject.put("audit logging", "/_plugins/_security/api/audit/config",
                reply -> reply.path("config"), resource("audit-config.json"), resource("audit-config.json"), true));
        objects.add(securityObject("role " + INDEXER_ROLE, "roles/" + INDEXER_ROLE, resource("role-indexer.json")));
        objects.add(securityObject("role " + AUDITOR_ROLE, "roles/" + AUDITOR_ROLE, resource("role-auditor.json")));
        objects.addAll(new AlertingMonitors(mapper).all());
        if (settings.indexerRoleArn() != null) {
            objects.add(roleMapping(INDEXER_ROLE, List.of(settings.indexerRoleArn())));
        }
        if (!settings.auditorRoleArns().isEmpty()) {
            objects.add(roleMapping(AUDITOR_ROLE, settings.auditorRoleArns()));
        }
        return objects;
    }

    public List<ManagedObject> dashboardObjects() {
        List<ManagedObject> objects = new ArrayList<>();
        for (SavedObject saved : new SavedObjects(mapper).all()) {
            ObjectNode body = mapper.createObjectNode();
            body.set("attributes", saved.attributes());
            body.set("references", saved.references());
            String path = "/api/saved_objects/" + saved.type() + "/" + saved.id();
            objects.add(new ManagedObject(saved.type() + " " + saved.id(), path, null, SavedObjects::versionView,
                    saved.attributes().path("description"), current -> "POST", (current, p) -> p + "?overwrite=true", body,
                    false));
        }
        return objects;
    }

    private ManagedObject indexTemplate(String name, JsonNode template) {
        return ManagedObject.put("index template " + name, "/_index_template/" + name,
                reply -> reply.path("index_templates").path(0).path("index_template"), template, template, false);
    }

    /** Flat settings: the reply names the setting as one key, with its value as a string. */
    private ManagedObject shardLimit() {
        ObjectNode desired = mapper.createObjectNode().put("cluster.max_shards_per_node",
                String.valueOf(MAX_SHARDS_PER_NODE));
        ObjectNode body = mapper.createObjectNode();
        body.putObject("persistent").put("cluster.max_shards_per_node", MAX_SHARDS_PER_NODE);
        return new ManagedObject("cluster shard limit", "/_cluster/settings?flat_settings=true", null,
                reply -> reply.path("persistent"), desired, current -> "PUT", (current, path) -> "/_cluster/settings", body,
                false);
    }

    /** ISM updates need the current sequence number and primary term (optimistic locking). */
    private ManagedObject ismPolicy(int retentionDays) {
        JsonNode body = resource("ism-policy.json", "${retentionDays}", String.valueOf(retentionDays));
        return new ManagedObject("ISM policy " + ISM_POLICY, "/_plugins/_ism/policies/" + ISM_POLICY, null,
                reply -> reply.path("policy"), body.path("policy"), current -> "PUT",
                (current, path) -> current == null ? path : path + "?if_seq_no=" + current.path("_seq_no").asLong()
                        + "&if_primary_term=" + current.path("_primary_term").asLong(),
                body, true);
    }

    private ManagedObject securityObject(String name, String apiPath, JsonNode body) {
        String key = apiPath.substring(apiPath.indexOf('/') + 1);
        return ManagedObject.put(name, "/_plugins/_security/api/" + apiPath, reply -> reply.path(key), body, body,
                true);
    }

    private ManagedObject roleMapping(String role, List<String> backendRoles) {
        ObjectNode body = mapper.createObjectNode();
        backendRoles.forEach(body.putArray("backend_roles")::add);
        return securityObject("role mapping " + role, "rolesmapping/" + role, body);
    }

    private JsonNode resource(String name) {
        return resource(name, null, null);
    }

    private JsonNode resource(String name, String placeholder, String value) {
        try (InputStream in = SetupPlan.class.getResourceAsStream("/opensearch/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource opensearch/" + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return mapper.readTree(placeholder == null ? text : text.replace(placeholder, value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
