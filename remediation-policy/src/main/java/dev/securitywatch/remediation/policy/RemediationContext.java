package dev.securitywatch.remediation.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the remediation keys of a whole cdk.json context say: the policy with the global mode, the modes that
 * member accounts set for themselves, and how often Config runs the rule. Infra builds each member stack from it
 * ({@link #policyFor} is what that stack's Lambda receives); the plan CLI plans each event with the policy of the
 * event's account.
 *
 * @param accountModes      {@code memberAccounts[].remediationMode}, by account id, for the accounts that set one
 * @param periodicFrequency {@code remediation.periodicFrequency}: the Config rule's, not the Lambda's
 */
public record RemediationContext(RemediationPolicy policy, Map<String, RemediationMode> accountModes,
                                 String periodicFrequency) {
    /** The frequencies AWS Config accepts for a periodic rule. */
    public static final List<String> PERIODIC_FREQUENCIES = List.of("One_Hour", "Three_Hours", "Six_Hours",
            "Twelve_Hours", "TwentyFour_Hours");
    public static final String DEFAULT_PERIODIC_FREQUENCY = "TwentyFour_Hours";

    public RemediationContext {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(periodicFrequency, "periodicFrequency");
        accountModes = Collections.unmodifiableMap(new LinkedHashMap<>(accountModes));
    }

    public static RemediationContext defaults() {
        return new RemediationContext(RemediationPolicy.defaults(), Map.of(), DEFAULT_PERIODIC_FREQUENCY);
    }

    /** The account's own mode when it sets one, else the global {@code remediationMode}. */
    public RemediationMode modeFor(String accountId) {
        RemediationMode own = accountId == null ? null : accountModes.get(accountId);
        return own == null ? policy.mode() : own;
    }

    /** The policy one account's Lambda runs with: the shared settings, with that account's mode. */
    public RemediationPolicy policyFor(String accountId) {
        RemediationMode mode = modeFor(accountId);
        return mode == policy.mode() ? policy : policy.withMode(mode);
    }
}
