package dev.securitywatch.indexer.setup;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies managed objects idempotently: read, compare, write only what differs. A second run on an unchanged
 * cluster reports every step UNCHANGED and sends no write.
 */
public final class ClusterSetup {
    private final RestTarget target;

    public ClusterSetup(RestTarget target) {
        this.target = target;
    }

    public List<StepResult> apply(List<ManagedObject> objects) {
        List<StepResult> results = new ArrayList<>();
        for (ManagedObject object : objects) {
            results.add(apply(object));
        }
        return results;
    }

    private StepResult apply(ManagedObject object) {
        String readMethod = object.readQuery() == null ? "GET" : "POST";
        RestTarget.Reply current = target.call(readMethod, object.readPath(), object.readQuery());
        if (object.optional() && current.isMissingApi()) {
            return new StepResult(object.name(), StepResult.Change.SKIPPED, "API not available on this cluster");
        }
        if (!current.isSuccess() && current.status() != 404) {
            throw failure(object, readMethod, current);
        }
        // A search answers 200 with no hit for an object that is not there yet.
        boolean exists = current.isSuccess() && !object.currentView().apply(current.body()).isMissingNode();
        if (exists && JsonSubset.contains(object.currentView().apply(current.body()), object.desired())) {
            return new StepResult(object.name(), StepResult.Change.UNCHANGED, "already in place");
        }
        JsonNode found = exists ? current.body() : null;
        String method = object.writeMethod().apply(found);
        String path = object.writePath().apply(found, object.readPath());
        RestTarget.Reply written = target.call(method, path, object.writeBody());
        if (!written.isSuccess()) {
            throw failure(object, method, written);
        }
        return exists ? new StepResult(object.name(), StepResult.Change.UPDATED, "replaced: it differed")
                : new StepResult(object.name(), StepResult.Change.CREATED, "created");
    }

    private static SetupException failure(ManagedObject object, String method, RestTarget.Reply reply) {
        return new SetupException(object.name() + ": " + method + " " + object.readPath() + " failed with HTTP "
                + reply.status() + ": " + abbreviate(reply.body()));
    }

    private static String abbreviate(JsonNode body) {
        String text = body.toString();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
