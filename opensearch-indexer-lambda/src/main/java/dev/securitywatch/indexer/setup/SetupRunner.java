package dev.securitywatch.indexer.setup;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The whole setup: cluster objects first (the saved objects refer to the index patterns' fields), then Dashboards. */
public final class SetupRunner {
    private final SetupPlan plan;

    public SetupRunner(ObjectMapper mapper) {
        this.plan = new SetupPlan(mapper);
    }

    /** @param dashboards null to leave Dashboards alone (e.g. a local node without Dashboards) */
    public List<StepResult> run(RestTarget cluster, RestTarget dashboards, SetupSettings settings) {
        List<StepResult> results = new ArrayList<>(new ClusterSetup(cluster).apply(plan.clusterObjects(settings)));
        if (dashboards != null) {
            results.addAll(new ClusterSetup(dashboards).apply(plan.dashboardObjects()));
        }
        return results;
    }

    /** Counts per change kind, e.g. {@code {"CREATED": 3, "UNCHANGED": 40}}, for logs and the custom resource. */
    public static Map<String, Integer> counts(List<StepResult> results) {
        Map<String, Integer> counts = new TreeMap<>();
        for (StepResult.Change change : StepResult.Change.values()) {
            counts.put(change.name(), 0);
        }
        results.forEach(r -> counts.merge(r.change().name(), 1, Integer::sum));
        return counts;
    }
}
