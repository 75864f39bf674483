package dev.securitywatch.notifier.health;

import dev.securitywatch.catalog.Category;
import dev.securitywatch.catalog.HealthEntries;
import dev.securitywatch.catalog.Severity;
import dev.securitywatch.event.EventTimes;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.alert.Alert.Field;
import dev.securitywatch.notifier.alert.Alert.Section;
import dev.securitywatch.notifier.render.RenderSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The health messages of the heartbeat check: which account and region paths went silent (one message per check,
 * however many), and which came back. A silent path means an event there may not reach Slack: the trail, the
 * forwarding rule, its role, the central bus policy or the canary itself broke.
 */
public final class SilenceAlert {
    static final String FIRST_CHECKS = "In that account and region: is the trail still logging (aws cloudtrail"
            + " get-trail-status), are the SecurityWatch-Member forwarding rules enabled, does the canary schedule"
            + " run (EventBridge Scheduler, security-watch canary) and can its role write /security-watch/canary"
            + " (/security-watch/canary-org for the StackSet's)? For a StackSet member: is its instance still"
            + " CURRENT (aws cloudformation list-stack-instances --stack-set-name SecurityWatch-Member)? In the"
            + " security account: does the central bus policy still admit the account? Until it is fixed, events"
            + " there may not reach this channel.";

    private final RenderSettings settings;
    private final Duration canaryInterval;
    private final Duration silentAfter;

    public SilenceAlert(RenderSettings settings, Duration canaryInterval) {
        this.settings = settings;
        this.canaryInterval = canaryInterval;
        this.silentAfter = HealthEntries.silentAfter(canaryInterval);
    }

    public Alert silent(List<PathState> paths, Instant now) {
        String what = paths.size() == 1 ? describe(paths.get(0)) : paths.size() + " account and region paths";
        List<Field> fields = List.of(
                Field.of("Silent paths", Integer.toString(paths.size())),
                Field.of("Silent since", EventTimes.display(paths.get(0).lastHeartbeat().toString())
                        + " (last heartbeat)"),
                Field.of("Canary interval", canaryInterval.toMinutes() + " min; silent after "
                        + silentAfter.toMinutes() + " min"));
        List<Section> sections = List.of(
                new Section("Silent", lines(paths, now), true),
                new Section("First thing to check", List.of(FIRST_CHECKS), false));
        return alert("heartbeats-silent", Severity.HIGH, Alert.Tone.DESTRUCTIVE, "No heartbeat from " + what
                + ": events there may not reach Security Watch", paths, now, fields, sections);
    }

    public Alert recovered(List<PathState> paths, Instant now) {
        String what = paths.size() == 1 ? describe(paths.get(0)) : paths.size() + " account and region paths";
        List<Field> fields = List.of(Field.of("Recovered paths", Integer.toString(paths.size())));
        return alert("heartbeats-recovered", Severity.LOW, Alert.Tone.GOOD, "Security Watch hears from " + what
                + " again", paths, now, fields, List.of(new Section("Recovered", lines(paths, now), true)));
    }

    private Alert alert(String kind, Severity severity, Alert.Tone tone, String headline, List<PathState> paths,
                        Instant now, List<Field> fields, List<Section> sections) {
        // The same paths with the same last heartbeats are the same message: a retried check posts it once, a new
        // silence of the same path (a later last heartbeat) is a new one.
        String key = kind + ":" + UUID.nameUUIDFromBytes(String.join(",", paths.stream()
                .map(p -> p.path().describe() + "@" + p.lastHeartbeat()).toList()).getBytes(StandardCharsets.UTF_8));
        String account = paths.stream().map(p -> p.path().account()).distinct().count() == 1
                ? paths.get(0).path().account() : null;
        return new Alert(key, Alert.Kind.HEALTH, severity, tone, headline, "Security Watch health",
                Optional.of(Category.HEALTH.id()), account, null, List.of(), false, fields, sections, List.of(),
                List.of("The canary in every member account and region writes /security-watch/canary (the"
                        + " StackSet's: /security-watch/canary-org) every " + canaryInterval.toMinutes() + " min; its"
                        + " CloudTrail record travels the same path as every alert."),
                new Alert.Subject("HeartbeatCheck", Optional.empty(),
                        paths.stream().map(p -> "path:" + p.path().account() + ":" + p.path().region()).toList(),
                        Optional.of(now)));
    }

    private List<String> lines(List<PathState> paths, Instant now) {
        return PathLines.capped(paths, path -> describe(path) + " · last heartbeat "
                + EventTimes.display(path.lastHeartbeat().toString()) + " ("
                + Duration.between(path.lastHeartbeat(), now).toMinutes() + " min ago"
                + (path.lastStackSetHeartbeat().filter(path.lastHeartbeat()::equals).isPresent()
                        ? ", from the StackSet" : "") + ")");
    }

    private String describe(PathState state) {
        return PathLines.describe(settings, state.path().account(), state.path().region());
    }
}
