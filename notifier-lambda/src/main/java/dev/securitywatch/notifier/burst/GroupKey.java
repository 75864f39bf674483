package dev.securitywatch.notifier.burst;

import dev.securitywatch.catalog.GroupBy;
import dev.securitywatch.notifier.alert.Alert;

/**
 * What makes alerts one group: the same destination route, account, actor and category. A Terraform apply by one
 * role in one account is then one group per kind of change; two people's changes never merge.
 *
 * @param route    the Slack route the alerts go to (a channel id, or empty for the default), so a summary never
 *                 carries an alert away from the channel its route names
 * @param actor    the stable actor identity; {@code "no actor"} (findings, unreadable input); {@code "any actor"} when
 *                 the catalog entry groups per account ({@link GroupBy#ACCOUNT})
 * @param category the catalog category, or the alert kind for alerts outside the catalog
 */
public record GroupKey(String route, String account, String actor, String category) {
    static final String NO_ACTOR = "no actor";
    static final String ANY_ACTOR = "any actor";

    public static GroupKey of(Alert alert, String route) {
        return new GroupKey(route, alert.accountId() == null ? "unknown" : alert.accountId(),
                alert.subject().groupBy() == GroupBy.ACCOUNT ? ANY_ACTOR : alert.subject().actor().orElse(NO_ACTOR),
                alert.category().orElse("kind:" + alert.kind().name().toLowerCase(java.util.Locale.ROOT)));
    }

    /** The group is one actor's doing, which the summary can name. */
    public boolean namesOneActor() {
        return !actor.equals(NO_ACTOR) && !actor.equals(ANY_ACTOR);
    }
}
