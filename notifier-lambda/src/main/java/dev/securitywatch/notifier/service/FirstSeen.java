package dev.securitywatch.notifier.service;

import dev.securitywatch.notifier.alert.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The "first seen" badge: the first time in {@code window} that a principal makes a call in an account is worth
 * a second look (a new admin, a stolen key used for something new). One conditional write per alert; a store that
 * cannot be written costs the badge, never the alert.
 *
 * @param window how long a (principal, action, account) stays known without being seen; empty turns the badge off
 */
public record FirstSeen(FirstSeenStore store, Optional<Duration> window) {
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(90);

    public static FirstSeen off(FirstSeenStore store) {
        return new FirstSeen(store, Optional.empty());
    }

    /**
     * The alert with the badge when this is the first time in the window, else as it was. Only changes and sign-ins
     * that name their principal take part: findings, summaries and health reports have no single actor.
     *
     * @param onUnavailable told why the store could not be written
     */
    Alert mark(Alert alert, Instant now, Consumer<String> onUnavailable) {
        if (window.isEmpty() || alert.accountId() == null || alert.subject().actor().isEmpty()
                || (alert.kind() != Alert.Kind.CHANGE && alert.kind() != Alert.Kind.SIGN_IN)) {
            return alert;
        }
        String key = "seen#" + alert.accountId() + "#" + alert.subject().actor().get() + "#"
                + alert.subject().action();
        try {
            if (store.seenBefore(key, now, now.plus(window.get()))) {
                return alert;
            }
        } catch (FirstSeenStore.FirstSeenStoreUnavailableException e) {
            onUnavailable.accept(e.getMessage());
            return alert;
        }
        return alert.withWarning("🆕 First seen in " + window.get().toDays() + " days", "The first "
                + alert.subject().action() + " by this principal in this account for " + window.get().toDays()
                + " days: worth a second look.");
    }
}
