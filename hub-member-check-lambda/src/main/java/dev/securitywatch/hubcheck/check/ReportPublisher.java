package dev.securitywatch.hubcheck.check;

import dev.securitywatch.hubcheck.report.SlackMessage;

/** Port: delivers the report to the team's default Slack channel. */
public interface ReportPublisher {
    /** @throws DependencyFailure when the message is not delivered after retries */
    void publish(SlackMessage message);
}
