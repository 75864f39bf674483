package dev.securitywatch.notifier.cloudtrail;

import dev.securitywatch.event.Actor;
import dev.securitywatch.event.ActorType;
import dev.securitywatch.notifier.render.RenderSettings;
import dev.securitywatch.notifier.render.StackSetInstances;
import java.util.Optional;

/** Who did it, in words, for every CloudTrail identity type. Never blank. */
public final class ActorText {
    private ActorText() {
    }

    public static String describe(Actor actor, String eventAccountId) {
        String text = switch (actor.type()) {
            case IAM_USER -> actor.name() + " (IAM user)";
            case ASSUMED_ROLE -> actor.name() + " (assumed role)";
            case ROOT -> "ROOT USER of account " + (actor.accountId() == null ? "(unknown)" : actor.accountId());
            case AWS_SERVICE -> actor.name() + " (AWS service)";
            case FEDERATED_USER -> actor.name() + " (federated user)";
            case SAML_USER -> actor.name() + " (SAML user)";
            case WEB_IDENTITY_USER -> actor.name() + " (web identity user)";
            case IDENTITY_CENTER_USER -> actor.name() + " (IAM Identity Center user)";
            case AWS_ACCOUNT -> actor.name() + " (cross-account caller)";
            case MISSING -> actor.name();
            case UNKNOWN -> actor.name() + (actor.rawType() == null ? "" : " (" + actor.rawType() + ")");
        };
        if (actor.sourceIdentity() != null) {
            // Survives role chaining: the person behind a chain of assumed roles.
            text += ", source identity " + actor.sourceIdentity();
        }
        if (actor.type() != ActorType.AWS_SERVICE && actor.invokedBy() != null) {
            text += ", via " + actor.invokedBy();
        }
        if (actor.type() != ActorType.AWS_ACCOUNT && actor.type() != ActorType.ROOT && actor.accountId() != null
                && eventAccountId != null && !actor.accountId().equals(eventAccountId)) {
            text += ", from account " + actor.accountId();
        }
        return text;
    }

    /**
     * Who acted, stable across sessions: an assumed role's ARN without its session name (a Terraform run and the next
     * one are one actor), otherwise the identity's ARN, or its name when CloudTrail gives no ARN.
     */
    public static Optional<String> identity(Actor actor) {
        String arn = actor.arn();
        if (arn != null && actor.type() == ActorType.ASSUMED_ROLE) {
            int session = arn.indexOf('/', arn.indexOf(":assumed-role/") + ":assumed-role/".length());
            return Optional.of(session > 0 ? arn.substring(0, session) : arn);
        }
        if (arn != null) {
            return Optional.of(arn);
        }
        return Optional.ofNullable(actor.type() == ActorType.AWS_SERVICE && actor.invokedBy() != null
                ? actor.invokedBy() : actor.name());
    }

    /**
     * Made by this project's remediation Lambda: the exact remediation role of a configured member account and
     * region, acting in that account and region (see {@link RenderSettings#isRemediationRole}). The role's account
     * comes from its ARN ({@code arn:aws:sts::<account>:assumed-role/<role>/<session>}).
     */
    public static boolean isRemediationRole(Actor actor, String account, String region, RenderSettings settings,
                                            StackSetInstances stackSet) {
        String arn = actor.arn();
        if (actor.type() != ActorType.ASSUMED_ROLE || arn == null || !arn.contains(":assumed-role/")) {
            return false;
        }
        String[] parts = arn.split(":", 6);
        if (parts.length < 6) {
            return false;
        }
        String[] path = parts[5].split("/");
        return path.length >= 2 && settings.isRemediationRole(parts[4], path[1], account, region, stackSet);
    }
}
