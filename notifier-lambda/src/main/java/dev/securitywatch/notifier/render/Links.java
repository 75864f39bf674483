package dev.securitywatch.notifier.render;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/** Console and lookup URLs. Values from events are URL-encoded; regions are checked, so no event can steer a link. */
public final class Links {
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

    private Links() {
    }

    public static boolean isRegion(String region) {
        return region != null && REGION.matcher(region).matches();
    }

    /** CloudTrail event history page of one event (the console shows it 2–5 minutes after the call). */
    public static Optional<String> cloudTrailEvent(String region, String eventId) {
        if (!isRegion(region) || eventId == null) {
            return Optional.empty();
        }
        return Optional.of(console(region, "cloudtrailv2") + "#/events/" + encode(eventId));
    }

    public static Optional<String> guardDutyFinding(String region, String findingId) {
        if (!isRegion(region) || findingId == null) {
            return Optional.empty();
        }
        return Optional.of(console(region, "guardduty") + "#/findings?macros=current&fId=" + encode(findingId));
    }

    public static Optional<String> securityHubFinding(String region, String findingId) {
        if (!isRegion(region) || findingId == null) {
            return Optional.empty();
        }
        return Optional.of(console(region, "securityhub") + "#/findings?search="
                + encode("Id=\\operator\\:EQUALS\\:" + findingId));
    }

    public static Optional<String> securityGroup(String region, String groupId) {
        if (!isRegion(region) || groupId == null || !groupId.startsWith("sg-")) {
            return Optional.empty();
        }
        return Optional.of(console(region, "ec2") + "#SecurityGroup:groupId=" + encode(groupId));
    }

    public static Optional<String> alarm(String region, String alarmName) {
        if (!isRegion(region) || alarmName == null || alarmName.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(console(region, "cloudwatch") + "#alarmsV2:alarm/" + encode(alarmName));
    }

    /** Who owns an IP address; only for literal IPs (CloudTrail also logs service names there). */
    public static Optional<String> ipLookup(String sourceIp) {
        if (sourceIp == null || !(IPV4.matcher(sourceIp).matches() || IPV6.matcher(sourceIp).matches())) {
            return Optional.empty();
        }
        return Optional.of("https://ipinfo.io/" + encode(sourceIp));
    }

    /** Discover in OpenSearch Dashboards, filtered to the indexed event ({@code event.id}). */
    public static Optional<String> dashboards(Optional<String> baseUrl, String eventId) {
        if (baseUrl.isEmpty() || eventId == null || !baseUrl.get().startsWith("https://")) {
            return Optional.empty();
        }
        String base = baseUrl.get().endsWith("/") ? baseUrl.get().substring(0, baseUrl.get().length() - 1)
                : baseUrl.get();
        String query = "(query:(language:kuery,query:'event.id:\"" + eventId.replace("'", "").replace("\"", "")
                + "\"'))";
        return Optional.of(base + "/app/discover#/?_g=(time:(from:now-90d,to:now))&_a=" + encode(query));
    }

    private static String console(String region, String service) {
        return "https://" + region + ".console.aws.amazon.com/" + service + "/home?region=" + region;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
