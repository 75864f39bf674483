package dev.securitywatch.notifier.burst;

import dev.securitywatch.catalog.Severity;
import dev.securitywatch.catalog.suppression.Suppression;
import dev.securitywatch.notifier.alert.Alert;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a batch of alerts into the messages to post. Alerts group by {@link GroupKey}; a group of more than the
 * threshold becomes one {@link Post.Summary}, smaller groups post one message per alert. A CRITICAL alert always gets
 * its own message, first, whatever its group: a summary must never make the one alert that matters wait or hide.
 */
public final class BurstPlanner {
    public static final int DEFAULT_THRESHOLD = 3;

    private final int threshold;

    public BurstPlanner(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("the grouping threshold must be at least 1, got " + threshold);
        }
        this.threshold = threshold;
    }

    /**
     * @param alerts the batch's alerts in arrival order
     * @param route  the route each alert goes to (e.g. its Slack channel); alerts of different routes never group
     * @return the posts in order: CRITICAL alerts first, then groups and single alerts by first arrival
     */
    public List<Post> plan(List<Alert> alerts, Function<Alert, String> route) {
        return plan(alerts, route, alert -> Optional.empty());
    }

    /**
     * @param summaryOnly the suppression, if any, that allows an alert only in a summary: such alerts group apart,
     *                    per suppression, and always post as a summary, however few they are
     */
    public List<Post> plan(List<Alert> alerts, Function<Alert, String> route,
                           Function<Alert, Optional<Suppression>> summaryOnly) {
        Map<Alert, Integer> arrival = new IdentityHashMap<>();
        Map<Group, List<Alert>> groups = new LinkedHashMap<>();
        for (Alert alert : alerts) {
            arrival.putIfAbsent(alert, arrival.size());
            groups.computeIfAbsent(new Group(GroupKey.of(alert, route.apply(alert)), summaryOnly.apply(alert)),
                    k -> new ArrayList<>()).add(alert);
        }
        List<Post> critical = new ArrayList<>();
        List<Post> rest = new ArrayList<>();
        for (Map.Entry<Group, List<Alert>> entry : groups.entrySet()) {
            Group group = entry.getKey();
            List<Alert> members = entry.getValue();
            if (group.summaryOnly().isPresent()) {
                rest.add(new Post.Summary(group.key(), members, 0, group.summaryOnly()));
                continue;
            }
            List<Alert> urgent = members.stream().filter(a -> a.severity() == Severity.CRITICAL).toList();
            List<Alert> others = members.stream().filter(a -> a.severity() != Severity.CRITICAL).toList();
            urgent.forEach(alert -> critical.add(new Post.Single(alert)));
            if (members.size() > threshold && others.size() >= 2) {
                rest.add(new Post.Summary(group.key(), others, urgent.size()));
            } else {
                others.forEach(alert -> rest.add(new Post.Single(alert)));
            }
        }
        List<Post> posts = new ArrayList<>(critical);
        // Singles and summaries in the order their first alert arrived.
        rest.sort(Comparator.comparingInt(post -> arrival.get(post.alerts().get(0))));
        posts.addAll(rest);
        return List.copyOf(posts);
    }

    /** A group, and the suppression that keeps it summary-only: suppressed alerts never merge with others. */
    private record Group(GroupKey key, Optional<Suppression> summaryOnly) {
    }
}
