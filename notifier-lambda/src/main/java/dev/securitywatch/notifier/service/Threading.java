package dev.securitywatch.notifier.service;

import dev.securitywatch.catalog.Severity;
import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.burst.GroupKey;
import dev.securitywatch.notifier.burst.Post;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Slack thread a post belongs in, in bot-token mode. Two kinds of thread stay open for later alerts:
 * <ul>
 *   <li>an <b>incident</b> thread per resource (a security group, a role, a bucket) under the first alert about it,
 *   for {@link #incidentWindow}: the remediation result and a later revert reply there, next to the alert;</li>
 *   <li>a <b>group</b> thread under a summary, for {@link #groupWindow} after its latest event: the same actor's
 *   further changes in later batches join it instead of starting a new summary.</li>
 * </ul>
 * An alert joins its resource's incident thread first, else its group's thread; a CRITICAL alert never joins a group
 * thread, and a reply of HIGH or CRITICAL severity also shows in the channel. Both windows slide with each reply.
 */
public final class Threading {
    public static final Duration DEFAULT_INCIDENT_WINDOW = Duration.ofHours(24);
    public static final Duration DEFAULT_GROUP_WINDOW = Duration.ofMinutes(15);
    /** DynamoDB keys may be 2 KB; an actor ARN can be long, so long keys are hashed. */
    private static final int MAX_PLAIN_KEY = 512;

    private final ThreadStore store;
    private final Duration incidentWindow;
    private final Duration groupWindow;

    public Threading(ThreadStore store, Duration incidentWindow, Duration groupWindow) {
        this.store = Objects.requireNonNull(store, "store");
        if (incidentWindow.isNegative() || incidentWindow.isZero() || groupWindow.isNegative()
                || groupWindow.isZero()) {
            throw new IllegalArgumentException("thread windows must be positive");
        }
        this.incidentWindow = incidentWindow;
        this.groupWindow = groupWindow;
    }

    /**
     * A thread that is open for a post and the key it is kept under.
     *
     * @param incident an incident thread (replies are "updates"); else a group thread (replies are "more events")
     */
    public record Target(String key, ThreadStore.OpenThread thread, boolean incident) {
    }

    /**
     * The open thread {@code post} belongs in, if any.
     *
     * @throws ThreadStore.ThreadStoreUnavailableException when the store cannot be read
     */
    public Optional<Target> openFor(String sink, Post post, String route, Instant now) {
        if (post instanceof Post.Single single) {
            Optional<String> incident = incidentKey(sink, single.alert(), route);
            if (incident.isPresent()) {
                Optional<ThreadStore.OpenThread> open = store.find(incident.get(), now);
                if (open.isPresent()) {
                    return Optional.of(new Target(incident.get(), open.get(), true));
                }
            }
            if (single.alert().severity() == Severity.CRITICAL) {
                return Optional.empty();
            }
        }
        String group = groupKey(sink, post instanceof Post.Summary summary ? summary.key()
                : GroupKey.of(post.alerts().get(0), route));
        return store.find(group, now).map(open -> new Target(group, open, false));
    }

    /**
     * The key a post opens a thread under once it is posted in the channel: its resource for a single alert, its
     * group for a summary; empty for an alert about no resource.
     */
    public Optional<Target> toOpen(String sink, Post post, String route, ThreadStore.OpenThread thread) {
        if (post instanceof Post.Summary summary) {
            return Optional.of(new Target(groupKey(sink, summary.key()), thread, false));
        }
        Alert alert = ((Post.Single) post).alert();
        return incidentKey(sink, alert, route).map(key -> new Target(key, thread, true));
    }

    /**
     * Keeps {@code target} open for its window from {@code now}.
     *
     * @throws ThreadStore.ThreadStoreUnavailableException when the store cannot be written
     */
    public void keep(Target target, Instant now) {
        store.save(target.key(), target.thread(), now.plus(target.incident() ? incidentWindow : groupWindow));
    }

    /** Also show a reply in the channel: what is this urgent must not hide in a thread. */
    public static boolean broadcast(Alert alert) {
        return alert.severity().compareTo(Severity.HIGH) <= 0;
    }

    private static Optional<String> incidentKey(String sink, Alert alert, String route) {
        if (alert.subject().resources().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(key("thread#", sink + "#" + route + "#" + alert.accountId() + "#" + alert.region() + "#"
                + alert.subject().resources().get(0)));
    }

    private static String groupKey(String sink, GroupKey group) {
        return key("group#", sink + "#" + group.route() + "#" + group.account() + "#" + group.actor() + "#"
                + group.category());
    }

    private static String key(String prefix, String tail) {
        if (tail.length() <= MAX_PLAIN_KEY) {
            return prefix + tail;
        }
        try {
            return prefix + "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(tail.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
