package dev.securitywatch.remediation.evaluation;

import dev.securitywatch.remediation.rule.SgRule;
import java.util.List;
import java.util.Optional;

/**
 * What remediation actually did to the live group.
 *
 * @param liveAlreadyCorrect the recorded item violated the list but the live rules needed no change
 * @param error              the failed read or write, if any; a failed read means nothing was written
 */
public record Execution(List<SgRule> revoked, List<SgRule> authorized, boolean liveAlreadyCorrect,
                        Optional<String> error) {

    public Execution {
        revoked = List.copyOf(revoked);
        authorized = List.copyOf(authorized);
    }

    public static Execution nothing() {
        return new Execution(List.of(), List.of(), false, Optional.empty());
    }
}
