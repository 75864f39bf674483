package dev.securitywatch.indexer.setup;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One object setup keeps in place: how to read it, how to see the part we own in what the API returns, and how to
 * write it. Setup writes only when the current object does not already contain the desired one.
 *
 * @param readPath    GET path (404 means absent), or a search path when {@code readQuery} is set
 * @param readQuery   null to GET {@code readPath}; else the body POSTed to it, for objects found by search (alerting
 *                    monitors get generated ids)
 * @param currentView extracts the comparable object from the read reply body; a missing node means absent
 * @param desired     the object we want, in the form {@code currentView} returns
 * @param writeMethod PUT or POST, given the read reply (null when absent): a found monitor is PUT, a new one POSTed
 * @param writePath   the write path, given the read reply (null when absent), e.g. to add optimistic-lock parameters
 * @param writeBody   the request body to write
 * @param optional    true when the API may be missing (a plugin that is not installed): then the step is skipped
 */
public record ManagedObject(String name, String readPath, JsonNode readQuery, Function<JsonNode, JsonNode> currentView,
                            JsonNode desired, Function<JsonNode, String> writeMethod,
                            BiFunction<JsonNode, String, String> writePath, JsonNode writeBody, boolean optional) {

    /** The common case: GET and PUT at the same path, and the reply body is the object itself. */
    public static ManagedObject put(String name, String path, Function<JsonNode, JsonNode> currentView,
                                    JsonNode desired, JsonNode writeBody, boolean optional) {
        return new ManagedObject(name, path, null, currentView, desired, current -> "PUT", (current, p) -> p,
                writeBody, optional);
    }
}
