package dev.securitywatch.notifier.burst;

import dev.securitywatch.notifier.alert.Alert;
import java.util.Comparator;
import java.util.List;

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
     * More alerts of one group than the threshold, as one message.
     *
     * @param members            the group's alerts in arrival order, CRITICAL ones excluded
     * @param criticalSeparately the group's CRITICAL alerts, each posted as a {@link Single}
     */
    record Summary(GroupKey key, List<Alert> members, int criticalSeparately) implements Post {
        public Summary {
            members = List.copyOf(members);
            if (members.size() < 2) {
                throw new IllegalArgumentException("a summary groups at least two alerts");
            }
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
