package dev.securitywatch.notifier.health;

import static dev.securitywatch.lambdakit.json.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.securitywatch.catalog.HealthEntries;
import dev.securitywatch.catalog.MemberNames;
import dev.securitywatch.event.CloudTrailEvent;
import dev.securitywatch.event.EventEnvelope;
import dev.securitywatch.event.EventTimes;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One canary write that travelled a member's path to the central bus: the proof that {@code path} is alive at
 * {@code at}. Recognised by the whole heartbeat shape (the canary's role, its write, its target), as the central
 * bus's heartbeat rule selects it.
 *
 * @param deployment which kind of member sent it: a per-account stack or the organization's StackSet, so that a
 *                   migration can see the StackSet prove a path the old stack still covers
 * @param at         when the canary wrote, as CloudTrail recorded it
 */
public record Heartbeat(Path path, MemberNames deployment, Instant at) {
    /** The path name of the global services (IAM), whose events reach EventBridge in us-east-1. */
    public static final String GLOBAL = "global";

    public Heartbeat {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(at, "at");
    }

    /**
     * One account's path in one region, or its global-services path ({@link #GLOBAL}).
     *
     * @param region a region id, or {@link #GLOBAL}
     */
    public record Path(String account, String region) {
        public Path {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(region, "region");
        }

        /** "111111111111 ap-northeast-1", "111111111111 global (IAM, us-east-1)". */
        public String describe() {
            return account + " " + (region.equals(GLOBAL) ? "global (IAM, via us-east-1)" : region);
        }
    }

    /** The heartbeat {@code envelope} carries, if it is one. */
    public static Optional<Heartbeat> of(EventEnvelope envelope) {
        Optional<CloudTrailEvent> read = envelope.cloudTrailEvent();
        if (read.isEmpty() || read.get().failed()) {
            return Optional.empty();
        }
        CloudTrailEvent event = read.get();
        JsonNode issuer = event.record().path("userIdentity").path("sessionContext").path("sessionIssuer");
        String role = text(issuer, "userName");
        if (role == null || !role.startsWith(HealthEntries.CANARY_ROLE_PREFIX)) {
            return Optional.empty();
        }
        String account = envelope.origin().account();
        Optional<Instant> at = EventTimes.parse(event.eventTime());
        if (account == null || at.isEmpty()) {
            return Optional.empty();
        }
        if ("ssm.amazonaws.com".equals(event.eventSource()) && "PutParameter".equals(event.eventName())
                && envelope.origin().region() != null) {
            return MemberNames.ofCanaryParameter(text(event.requestParameters(), "name")).map(deployment ->
                    new Heartbeat(new Path(account, envelope.origin().region()), deployment, at.get()));
        }
        if ("iam.amazonaws.com".equals(event.eventSource()) && "TagRole".equals(event.eventName())) {
            return MemberNames.ofCanaryRole(text(event.requestParameters(), "roleName")).map(deployment ->
                    new Heartbeat(new Path(account, GLOBAL), deployment, at.get()));
        }
        return Optional.empty();
    }
}
