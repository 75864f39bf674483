package dev.securitywatch.remediation.aws;

import dev.securitywatch.remediation.result.RemediationResult;
import dev.securitywatch.remediation.result.ResultJson;
import dev.securitywatch.remediation.result.ResultPublisher;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * EventBridge adapter (JSON protocol): PutEvents on the default bus of this account and region, from where the
 * member forwarding rule sends it to the central bus.
 */
public final class EventBridgeResultPublisher implements ResultPublisher {
    /** PutEvents accepts at most 10 entries per call. */
    static final int MAX_ENTRIES_PER_CALL = 10;

    private final EventBridgeClient events;

    public EventBridgeResultPublisher(EventBridgeClient events) {
        this.events = events;
    }

    @Override
    public void publish(List<RemediationResult> results) {
        List<String> failures = new ArrayList<>();
        for (int from = 0; from < results.size(); from += MAX_ENTRIES_PER_CALL) {
            List<RemediationResult> batch = results.subList(from, Math.min(results.size(), from + MAX_ENTRIES_PER_CALL));
            try {
                PutEventsResponse response = events.putEvents(request -> request.entries(batch.stream()
                        .map(EventBridgeResultPublisher::entry).toList()));
                List<PutEventsResultEntry> entries = response.entries();
                for (int i = 0; i < entries.size() && i < batch.size(); i++) {
                    if (entries.get(i).errorCode() != null) {
                        failures.add(batch.get(i).groupId() + " " + entries.get(i).errorCode());
                    }
                }
            } catch (SdkException e) {
                batch.forEach(result -> failures.add(result.groupId() + " " + e.getClass().getSimpleName()));
            }
        }
        if (!failures.isEmpty()) {
            throw new PublishException("PutEvents failed for " + String.join(", ", failures), null);
        }
    }

    private static PutEventsRequestEntry entry(RemediationResult result) {
        return PutEventsRequestEntry.builder()
                .source(RemediationResult.SOURCE)
                .detailType(RemediationResult.DETAIL_TYPE)
                .resources(result.groupArn())
                .detail(ResultJson.detail(result).toString())
                .build();
    }
}
