package dev.securitywatch.notifier.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.securitywatch.notifier.alert.Alert;
import dev.securitywatch.notifier.support.Rendering;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The first-seen badge on real rendered alerts; the store is our own port, kept in memory here. */
class FirstSeenTest {
    private static final Instant NOW = Instant.parse("2026-12-04T05:00:00Z");
    private final Map<String, Instant> expiries = new HashMap<>();
    private final FirstSeenStore memory = (key, now, expires) -> {
        Instant previous = expiries.put(key, expires);
        return previous != null && previous.isAfter(now);
    };

    @Test
    void theFirstCallOfAPrincipalInAnAccountCarriesTheBadgeAndTheNextDoesNot() {
        FirstSeen firstSeen = new FirstSeen(memory, Optional.of(Duration.ofDays(90)));
        List<String> unavailable = new ArrayList<>();

        Alert first = firstSeen.mark(alert("CreateUser"), NOW, unavailable::add);
        Alert again = firstSeen.mark(alert("CreateUser"), NOW.plusSeconds(60), unavailable::add);
        Alert otherCall = firstSeen.mark(alert("DeleteUser"), NOW.plusSeconds(120), unavailable::add);

        assertThat(first.sections().get(0).heading()).isEqualTo("🆕 First seen in 90 days");
        assertThat(first.sections().get(0).lines()).containsExactly("The first CreateUser by this principal in"
                + " this account for 90 days: worth a second look.");
        assertThat(again.sections()).noneMatch(section -> section.heading().startsWith("🆕"));
        assertThat(otherCall.sections().get(0).heading()).startsWith("🆕");
        assertThat(unavailable).isEmpty();
    }

    @Test
    void offOrAStoreThatCannotBeWrittenNeverHoldsTheAlertBack() {
        List<String> unavailable = new ArrayList<>();
        FirstSeen broken = new FirstSeen((key, now, expires) -> {
            throw new FirstSeenStore.FirstSeenStoreUnavailableException("table gone");
        }, Optional.of(Duration.ofDays(90)));

        Alert original = alert("CreateUser");
        assertThat(broken.mark(original, NOW, unavailable::add)).isSameAs(original);
        assertThat(unavailable).containsExactly("table gone");
        assertThat(FirstSeen.off(memory).mark(original, NOW, unavailable::add)).isSameAs(original);
        assertThat(expiries).as("off writes nothing").isEmpty();
    }

    private static Alert alert(String eventName) {
        String json = "{\"version\":\"0\",\"id\":\"e-" + eventName + "\",\"detail-type\":\"AWS API Call via"
                + " CloudTrail\",\"source\":\"aws.iam\",\"account\":\"112233445566\",\"region\":\"us-east-1\","
                + "\"time\":\"2026-12-04T05:00:00Z\",\"detail\":{\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\""
                + eventName + "\",\"eventTime\":\"2026-12-04T05:00:00Z\",\"awsRegion\":\"us-east-1\","
                + "\"recipientAccountId\":\"112233445566\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":"
                + "\"alice\",\"arn\":\"arn:aws:iam::112233445566:user/alice\",\"accountId\":\"112233445566\"}}}";
        return Rendering.RENDERER.render(Rendering.parse(json).get(0)).alert();
    }
}
