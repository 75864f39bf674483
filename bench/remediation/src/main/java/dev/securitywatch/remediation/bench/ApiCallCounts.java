package dev.securitywatch.remediation.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.securitywatch.remediation.aws.AwsClients;
import dev.securitywatch.remediation.handler.RemediationHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Counts the AWS API calls the real handler makes per invocation, from the WireMock request journal, for the
 * cases the issue sets goals for. Prints a Markdown table. EC2 keeps state through WireMock scenarios: after a
 * revoke, the group reads back as fixed, so the "second pass" rows show what a converged group costs.
 */
public final class ApiCallCounts {
    private static final String ACCOUNT = "111111111111";
    private static final String HTTP = rule("tcp", 80, "0.0.0.0/0");
    private static final String HTTPS = rule("tcp", 443, "0.0.0.0/0");
    private static final String SSH = rule("tcp", 22, "0.0.0.0/0");
    private static final int[] COMPLIANT_PORTS = {80, 443};
    private static final int[] VIOLATING_PORTS = {22, 80, 443};
    private static final String[] COLUMNS = {"DescribeSecurityGroupRules", "DescribeSecurityGroups",
            "RevokeSecurityGroupIngress", "AuthorizeSecurityGroupIngress", "GetResourceConfigHistory",
            "PutEvaluations", "PutEvents"};

    private final WireMockServer server;
    private final AwsClients clients;

    private ApiCallCounts(WireMockServer server) {
        this.server = server;
        this.clients = new AwsClients(Region.US_EAST_1, URI.create(server.baseUrl()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "bench")));
    }

    public static void main(String[] args) throws Exception {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .dynamicPort());
        server.start();
        try {
            new ApiCallCounts(server).run();
        } finally {
            server.stop();
        }
    }

    private void run() throws Exception {
        stubWritesAndReports();
        System.out.println("| case | " + String.join(" | ", COLUMNS) + " | writes | ms |");
        System.out.println("|---|" + "---|".repeat(COLUMNS.length + 2));

        stubLiveGroup("sg-ok", COMPLIANT_PORTS);
        row("compliant group, change notification (ENFORCE)", "ENFORCE", change("sg-ok", HTTP, HTTPS));
        stubLiveGroup("sg-report", VIOLATING_PORTS);
        row("violating group, REPORT_ONLY", "REPORT_ONLY", change("sg-report", HTTP, HTTPS, SSH));
        stubLiveGroup("sg-revoke", VIOLATING_PORTS);
        row("violating group, REVOKE_ONLY", "REVOKE_ONLY", change("sg-revoke", HTTP, HTTPS, SSH));
        stubLiveGroup("sg-enforce", new int[] {22, 80});
        row("violating group missing a required rule, ENFORCE", "ENFORCE", change("sg-enforce", HTTP, SSH));
        row("second pass: the item caused by the fix", "ENFORCE", change("sg-enforce", HTTP, HTTPS));
        row("second pass: the violating item replayed", "ENFORCE", change("sg-enforce", HTTP, SSH));
        stubLiveGroup("sg-big", VIOLATING_PORTS);
        stubHistory("sg-big", HTTP, HTTPS, SSH);
        row("oversized violating item, REVOKE_ONLY", "REVOKE_ONLY", oversized("sg-big"));
        stubSweep(1000, 0);
        row("scheduled sweep, 1,000 compliant groups", "ENFORCE", scheduled());
        stubSweep(2500, 25);
        row("scheduled sweep, 2,500 groups, 25 violating, REVOKE_ONLY", "REVOKE_ONLY", scheduled());
    }

    private void row(String name, String mode, String event) throws Exception {
        RemediationHandler handler = RemediationHandler.with(Map.of("AWS_REGION", "us-east-1",
                "REMEDIATION_POLICY", "{\"remediationMode\": \"" + mode + "\"}"), clients);
        server.resetRequests();
        long start = System.nanoTime();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), null);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String column : COLUMNS) {
            counts.put(column, 0);
        }
        for (ServeEvent served : server.getAllServeEvents()) {
            counts.merge(operation(served), 1, Integer::sum);
        }
        int writes = counts.get("RevokeSecurityGroupIngress") + counts.get("AuthorizeSecurityGroupIngress");
        StringBuilder line = new StringBuilder("| " + name + " |");
        counts.values().forEach(count -> line.append(' ').append(count).append(" |"));
        System.out.println(line + " " + writes + " | " + millis + " |");
    }

    private static String operation(ServeEvent served) {
        String target = served.getRequest().getHeader("X-Amz-Target");
        if (target != null && !target.isEmpty()) {
            return target.substring(target.indexOf('.') + 1);
        }
        String body = served.getRequest().getBodyAsString();
        int start = body.indexOf("Action=") + "Action=".length();
        int end = body.indexOf('&', start);
        return body.substring(start, end < 0 ? body.length() : end);
    }

    // ---- the service side ----

    private void stubWritesAndReports() {
        server.stubFor(target("StarlingDoveService.PutEvaluations").willReturn(json("{\"FailedEvaluations\":[]}")));
        server.stubFor(target("AWSEvents.PutEvents").willReturn(json("{\"FailedEntryCount\":0,\"Entries\":[]}")));
        server.stubFor(action("AuthorizeSecurityGroupIngress").willReturn(xml("AuthorizeSecurityGroupIngress",
                "<return>true</return>")));
    }

    /** A group whose live rules read as {@code ports} (tcp from anywhere) until a revoke for it, then as fixed. */
    private void stubLiveGroup(String groupId, int[] ports) {
        String fixed = liveRules(groupId, COMPLIANT_PORTS);
        server.stubFor(action("DescribeSecurityGroupRules").withRequestBody(containing("Value.1=" + groupId + "&"))
                .inScenario(groupId).whenScenarioStateIs(STARTED)
                .willReturn(xml("DescribeSecurityGroupRules", liveRules(groupId, ports))));
        server.stubFor(action("DescribeSecurityGroupRules").withRequestBody(containing("Value.1=" + groupId + "&"))
                .inScenario(groupId).whenScenarioStateIs("fixed")
                .willReturn(xml("DescribeSecurityGroupRules", fixed)));
        server.stubFor(action("RevokeSecurityGroupIngress").withRequestBody(containing("GroupId=" + groupId + "&"))
                .inScenario(groupId).willSetStateTo("fixed")
                .willReturn(xml("RevokeSecurityGroupIngress", "<return>true</return>")));
    }

    private static String liveRules(String groupId, int[] ports) {
        StringBuilder rules = new StringBuilder("<securityGroupRuleSet>");
        for (int port : ports) {
            rules.append("<item><securityGroupRuleId>sgr-").append(port).append("</securityGroupRuleId><groupId>")
                    .append(groupId).append("</groupId><groupOwnerId>").append(ACCOUNT)
                    .append("</groupOwnerId><isEgress>false</isEgress><ipProtocol>tcp</ipProtocol><fromPort>")
                    .append(port).append("</fromPort><toPort>").append(port)
                    .append("</toPort><cidrIpv4>0.0.0.0/0</cidrIpv4></item>");
        }
        return rules.append("</securityGroupRuleSet>").toString();
    }

    private void stubHistory(String groupId, String... rules) {
        String configuration = configuration(groupId, rules).replace("\\", "\\\\").replace("\"", "\\\"");
        server.stubFor(target("StarlingDoveService.GetResourceConfigHistory").willReturn(json(
                "{\"configurationItems\":[{\"accountId\":\"" + ACCOUNT + "\",\"configurationItemCaptureTime\":"
                        + "1795140000,\"configurationItemStatus\":\"OK\",\"resourceType\":\"AWS::EC2::SecurityGroup\","
                        + "\"resourceId\":\"" + groupId + "\",\"awsRegion\":\"us-east-1\",\"tags\":{},"
                        + "\"configuration\":\"" + configuration + "\"}]}")));
    }

    /** {@code groups} groups in pages of 1,000; the first {@code violating} of them also allow ssh from anywhere. */
    private void stubSweep(int groups, int violating) {
        int pages = (groups + 999) / 1000;
        for (int page = 0; page < pages; page++) {
            StringBuilder body = new StringBuilder("<securityGroupInfo>");
            for (int i = page * 1000; i < Math.min(groups, (page + 1) * 1000); i++) {
                boolean bad = i < violating;
                String id = (bad ? "sg-v" : "sg-c") + i;
                body.append("<item><ownerId>").append(ACCOUNT).append("</ownerId><groupId>").append(id)
                        .append("</groupId><groupName>g").append(i).append("</groupName><vpcId>vpc-1</vpcId>")
                        .append("<ipPermissions>").append(permission(80)).append(permission(443))
                        .append(bad ? permission(22) : "").append("</ipPermissions><tagSet/></item>");
                if (bad) {
                    stubLiveGroup(id, VIOLATING_PORTS);
                }
            }
            body.append("</securityGroupInfo>");
            if (page + 1 < pages) {
                body.append("<nextToken>page-").append(page + 1).append("</nextToken>");
            }
            MappingBuilder request = action("DescribeSecurityGroups");
            request = page == 0 ? request.withRequestBody(notContaining("NextToken"))
                    : request.withRequestBody(containing("NextToken=page-" + page));
            server.stubFor(request.willReturn(xml("DescribeSecurityGroups", body.toString())));
        }
    }

    private static String permission(int port) {
        return "<item><ipProtocol>tcp</ipProtocol><fromPort>" + port + "</fromPort><toPort>" + port
                + "</toPort><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges></item>";
    }

    // ---- the Config side: invocation events ----

    private static String rule(String protocol, int port, String cidr) {
        return "{\"ipProtocol\":\"" + protocol + "\",\"fromPort\":" + port + ",\"toPort\":" + port
                + ",\"ipv4Ranges\":[{\"cidrIp\":\"" + cidr + "\"}]}";
    }

    private static String configuration(String groupId, String... rules) {
        return "{\"groupId\":\"" + groupId + "\",\"groupName\":\"bench\",\"ownerId\":\"" + ACCOUNT
                + "\",\"vpcId\":\"vpc-1\",\"ipPermissions\":[" + String.join(",", rules) + "]}";
    }

    private static String change(String groupId, String... rules) {
        return invocation("{\"configurationItem\":{\"configuration\":" + configuration(groupId, rules)
                + ",\"configurationItemCaptureTime\":\"2026-11-20T02:00:00.000Z\",\"awsAccountId\":\"" + ACCOUNT
                + "\",\"configurationItemStatus\":\"OK\",\"resourceType\":\"AWS::EC2::SecurityGroup\","
                + "\"resourceId\":\"" + groupId + "\",\"awsRegion\":\"us-east-1\"},"
                + "\"messageType\":\"ConfigurationItemChangeNotification\"}");
    }

    private static String oversized(String groupId) {
        return invocation("{\"configurationItemSummary\":{\"configurationItemCaptureTime\":\"2026-11-20T02:00:00.000Z\","
                + "\"awsAccountId\":\"" + ACCOUNT + "\",\"configurationItemStatus\":\"OK\","
                + "\"resourceType\":\"AWS::EC2::SecurityGroup\",\"resourceId\":\"" + groupId + "\","
                + "\"awsRegion\":\"us-east-1\"},\"messageType\":\"OversizedConfigurationItemChangeNotification\"}");
    }

    private static String scheduled() {
        return invocation("{\"awsAccountId\":\"" + ACCOUNT + "\",\"notificationCreationTime\":"
                + "\"2026-11-21T00:00:00.000Z\",\"messageType\":\"ScheduledNotification\"}");
    }

    private static String invocation(String invokingEvent) {
        String escaped = invokingEvent.replace("\\", "\\\\").replace("\"", "\\\"");
        return "{\"invokingEvent\":\"" + escaped + "\",\"resultToken\":\"bench\",\"eventLeftScope\":false,"
                + "\"accountId\":\"" + ACCOUNT + "\"}";
    }

    // ---- wire helpers ----

    private static MappingBuilder action(String action) {
        return post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
    }

    private static MappingBuilder target(String target) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    private static ResponseDefinitionBuilder xml(String action, String body) {
        return aResponse().withHeader("Content-Type", "text/xml").withBody("<" + action + "Response xmlns=\""
                + "http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>bench</requestId>" + body + "</" + action
                + "Response>");
    }
}
