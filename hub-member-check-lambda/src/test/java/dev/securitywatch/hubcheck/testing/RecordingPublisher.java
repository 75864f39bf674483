package dev.securitywatch.hubcheck.testing;

import dev.securitywatch.hubcheck.check.DependencyFailure;
import dev.securitywatch.hubcheck.check.ReportPublisher;
import dev.securitywatch.hubcheck.report.SlackMessage;
import java.util.ArrayList;
import java.util.List;

/** Keeps every published report; can fail like Slack after its retries. */
public final class RecordingPublisher implements ReportPublisher {
    private final List<SlackMessage> published = new ArrayList<>();
    private boolean fails;

    public RecordingPublisher failing() {
        fails = true;
        return this;
    }

    public List<SlackMessage> published() {
        return published;
    }

    public SlackMessage last() {
        return published.get(published.size() - 1);
    }

    @Override
    public void publish(SlackMessage message) {
        if (fails) {
            throw new DependencyFailure("Slack delivery failed: HTTP 500 after 3 attempts", null);
        }
        published.add(message);
    }
}
