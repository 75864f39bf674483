package dev.securitywatch.notifier.cloudtrail;

import dev.securitywatch.event.Actor;
import dev.securitywatch.event.ActorType;
import dev.securitywatch.notifier.render.RenderSettings;
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

    /** Made by this project's remediation Lambda, whose role is {@code security-watch-remediation-<region>}. */
    public static boolean isRemediationRole(Actor actor) {
        if (actor.type() != ActorType.ASSUMED_ROLE || actor.name() == null) {
            return false;
        }
        String role = actor.name().contains("/") ? actor.name().substring(0, actor.name().indexOf('/'))
                : actor.name();
        return role.startsWith(RenderSettings.REMEDIATION_ROLE_PREFIX);
    }
}
