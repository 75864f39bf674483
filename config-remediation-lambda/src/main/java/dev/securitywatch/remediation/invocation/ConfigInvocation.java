package dev.securitywatch.remediation.invocation;

import java.time.Instant;

/**
 * One invocation of the Config custom rule's Lambda.
 *
 * @param resultToken the token PutEvaluations must echo
 * @param accountId   the account the rule runs in
 */
public record ConfigInvocation(String resultToken, String accountId, Trigger trigger) {

    /** What made Config call the rule. */
    public sealed interface Trigger permits ItemChange, Scheduled {
    }

    /**
     * A configuration item changed; for {@code OversizedConfigurationItemChangeNotification} the item is a summary
     * without configuration. {@code leftScope} is Config's {@code eventLeftScope}.
     */
    public record ItemChange(ConfigurationItem item, boolean leftScope) implements Trigger {
    }

    /** The periodic run: sweep every group in the region. */
    public record Scheduled(Instant notificationTime) implements Trigger {
    }
}
