package dev.securitywatch.indexer.setup;

import com.fasterxml.jackson.databind.JsonNode;

/** The port for setup calls: a JSON REST API (the cluster, or OpenSearch Dashboards). */
public interface RestTarget {

    /**
     * @param body the JSON body, or null for none
     * @throws SetupException when the target cannot be reached
     */
    Reply call(String method, String path, JsonNode body);

    /** @param body the parsed JSON reply (a text node if the reply was not JSON, a null node if empty) */
    record Reply(int status, JsonNode body) {
        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        /** A 400/404 "no handler found" means the plugin that owns the path is not installed. */
        public boolean isMissingApi() {
            return (status == 400 || status == 404 || status == 405) && body.toString().contains("no handler found");
        }
    }
}
