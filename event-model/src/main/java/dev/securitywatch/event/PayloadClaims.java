package dev.securitywatch.event;

import static dev.securitywatch.lambdakit.json.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What an event's payload says about whose it is. Only these are compared with the envelope: a CloudTrail record's
 * recipient account, region, event time and service; a finding's account and region; a remediation result's account
 * and region.
 *
 * @param accounts      the accounts the payload names (a Security Hub event names one per finding)
 * @param callerAccount the caller's account of a CloudTrail record: used when nothing else names one, never compared,
 *                      since a cross-account call legitimately differs
 * @param time          the payload's time stamp
 * @param timeIsClaim   false for a finding's update time: it says when the finding changed, not when the event was
 *                      sent, so it stands in where the envelope has no time but is not compared
 * @param source        the EventBridge source the payload implies, when it implies one
 */
record PayloadClaims(List<String> accounts, String callerAccount, List<String> regions, String time,
                     boolean timeIsClaim, String source) {

    private static final PayloadClaims NONE = new PayloadClaims(List.of(), null, List.of(), null, false, null);

    static PayloadClaims of(String source, JsonNode detail) {
        Optional<CloudTrailEvent> cloudTrail = CloudTrailEvent.fromDetail(detail);
        if (cloudTrail.isPresent()) {
            CloudTrailEvent event = cloudTrail.get();
            return new PayloadClaims(present(event.recipientAccountId()), event.actor().accountId(),
                    present(event.awsRegion()), event.eventTime(), true, EventEnvelope.sourceOf(event.eventSource()));
        }
        if (detail == null || !detail.isObject()) {
            return NONE;
        }
        if ("aws.guardduty".equals(source)) {
            return new PayloadClaims(present(text(detail, "accountId")), null, present(text(detail, "region")),
                    first(text(detail, "updatedAt"), text(detail, "createdAt")), false, null);
        }
        if ("aws.securityhub".equals(source) && detail.path("findings").isArray()) {
            return securityHub(detail.path("findings"));
        }
        if (EventEnvelope.REMEDIATION_SOURCE.equals(source)) {
            return new PayloadClaims(present(text(detail, "account")), null, present(text(detail, "region")), null,
                    false, null);
        }
        return NONE;
    }

    /** ASFF ({@code AwsAccountId}, {@code Region}) and OCSF ({@code cloud.account.uid}, {@code cloud.region}). */
    private static PayloadClaims securityHub(JsonNode findings) {
        List<String> accounts = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        String time = null;
        for (JsonNode finding : findings) {
            JsonNode cloud = finding.path("cloud");
            accounts.addAll(present(first(text(finding, "AwsAccountId"), text(cloud.path("account"), "uid"))));
            regions.addAll(present(first(text(finding, "Region"), text(cloud, "region"))));
            if (time == null) {
                time = first(text(finding, "UpdatedAt"), text(finding, "CreatedAt"), text(finding, "time_dt"),
                        text(finding.path("finding_info"), "modified_time_dt"));
            }
        }
        return new PayloadClaims(accounts, null, regions, time, false, null);
    }

    private static List<String> present(String value) {
        return value == null ? List.of() : List.of(value);
    }

    private static String first(String... values) {
        return Stream.of(values).filter(value -> value != null).findFirst().orElse(null);
    }
}
