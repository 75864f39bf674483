package dev.securitywatch.notifier.burst;

import dev.securitywatch.catalog.suppression.Suppression;
import dev.securitywatch.notifier.alert.Alert;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One message the notifier will post: an alert of its own, or a summary of a group. */
public sealed interface Post {

    /** Every alert this post represents: a delivered post delivers all of them. */
    List<Alert> alerts();

    record Single(Alert alert) implements Post {
        @Override
        public List<Alert> alerts() {
            return List.of(alert);
        }
    }

    /**
     * More alerts of one group than the threshold, as one message; or alerts a suppression allows only in a summary,
     * at any count.
     *
     * @param members            the group's alerts in arrival order, CRITICAL ones excluded unless the suppression
     *                           covers them
     * @param criticalSeparately the group's CRITICAL alerts, each posted as a {@link Single}
     * @param summaryOnly        the suppression that keeps these alerts in a summary
     */
    record Summary(GroupKey key, List<Alert> members, int criticalSeparately, Optional<Suppression> summaryOnly)
            implements Post {
        public Summary {
            members = List.copyOf(members);
            Objects.requireNonNull(summaryOnly, "summaryOnly");
            if (members.isEmpty() || (members.size() < 2 && summaryOnly.isEmpty())) {
                throw new IllegalArgumentException("a summary groups at least two alerts, or one a suppression"
                        + " allows only in a summary");
            }
        }

        public Summary(GroupKey key, List<Alert> members, int criticalSeparately) {
            this(key, members, criticalSeparately, Optional.empty());
        }

        @Override
        public List<Alert> alerts() {
            return members;
        }

        /** The most urgent member: its severity heads the summary and its route decides the channel. */
        public Alert mostUrgent() {
            // Severity's natural order runs from CRITICAL down, and the first of equals is kept.
            return members.stream().min(Comparator.comparing(Alert::severity)).orElseThrow();
        }
    }
}
