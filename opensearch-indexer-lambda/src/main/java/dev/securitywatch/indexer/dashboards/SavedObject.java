package dev.securitywatch.indexer.dashboards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A Dashboards saved object, in the shape of both the saved-objects API and an {@code .ndjson} export line. */
public record SavedObject(String type, String id, ObjectNode attributes, ArrayNode references) {
}
