package dev.securitywatch.hubcheck.handler;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.chat.secret.SecretsManagerSecretReader;
import dev.securitywatch.chat.secret.SlackSecret;
import dev.securitywatch.hubcheck.aws.StackInstanceReader;
import dev.securitywatch.hubcheck.check.CheckSettings;
import dev.securitywatch.hubcheck.check.StackSetInstancesSource;
import dev.securitywatch.lambdakit.organization.OrganizationInventory.StackSetInstances;
import dev.securitywatch.lambdakit.snapstart.OfflineSdkHttpClient;
import dev.securitywatch.lambdakit.snapstart.SnapStartPriming;
import dev.securitywatch.hubcheck.check.MembershipCheck;
import dev.securitywatch.hubcheck.check.SnapshotStore;
import dev.securitywatch.hubcheck.membership.Member;
import dev.securitywatch.hubcheck.membership.MemberStatus;
import dev.securitywatch.hubcheck.membership.OrgAccount;
import dev.securitywatch.hubcheck.report.SectionBudget;
import dev.securitywatch.hubcheck.report.SlackPayloadJson;
import dev.securitywatch.hubcheck.report.SlackReportRenderer;
import dev.securitywatch.hubcheck.snapshot.SnapshotCodec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A complete run against in-memory membership, done before the SnapStart snapshot: it loads and JIT-warms the
 * diff, the snapshot codec, the Block Kit rendering and its JSON, so the daily run does not pay for them. The
 * StackSet's instances and the Slack secret are read through CloudFormation and Secrets Manager clients built as
 * {@link HubCheckWiring} builds the real ones, on {@link OfflineSdkHttpClient}s that answer inside the process
 * (marshalling, signing with placeholder keys, unmarshalling; CloudFormation is the one Query-protocol client
 * here). It touches no AWS service, no Slack and no credentials.
 */
final class Priming extends SnapStartPriming {
    private static final String REGION = "us-east-1";
    /** Placeholders so that signing runs; the request they sign is answered inside this process. */
    private static final StaticCredentialsProvider PLACEHOLDER_KEYS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDPRIMINGONLY", "priming-placeholder-not-a-secret"));
    private static final String STACK_SET = "SecurityWatch-Member";
    private static final String LIST_STACK_INSTANCES = "<ListStackInstancesResponse"
            + " xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\"><ListStackInstancesResult><Summaries>"
            + "<member><StackSetId>" + STACK_SET + ":priming</StackSetId><Region>" + REGION + "</Region>"
            + "<Account>111111111111</Account><Status>CURRENT</Status><StackInstanceStatus>"
            + "<DetailedStatus>SUCCEEDED</DetailedStatus></StackInstanceStatus><DriftStatus>IN_SYNC</DriftStatus>"
            + "</member></Summaries></ListStackInstancesResult><ResponseMetadata><RequestId>priming</RequestId>"
            + "</ResponseMetadata></ListStackInstancesResponse>";

    private final ObjectMapper mapper;
    private int offlineAwsCalls;

    Priming(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void prime() {
        Map<String, String> stored = new HashMap<>();
        SnapshotStore store = new SnapshotStore() {
            @Override
            public List<String> keys(String prefix) {
                return stored.keySet().stream().filter(key -> key.startsWith(prefix)).toList();
            }

            @Override
            public String read(String key) {
                return stored.get(key);
            }

            @Override
            public void write(String key, String json) {
                stored.put(key, json);
            }

            @Override
            public String location(String key) {
                return "memory:" + key;
            }
        };
        CheckSettings settings = new CheckSettings(List.of(REGION), REGION, true, ZoneOffset.UTC, Map.of());
        List<List<Member>> days = List.of(
                List.of(new Member("111111111111", new MemberStatus("Invited"))),
                List.of(new Member("111111111111", MemberStatus.ENABLED),
                        new Member("222222222222", MemberStatus.RESIGNED)));
        Instant start = Instant.parse("2026-01-05T02:00:00Z");
        OfflineSdkHttpClient offline = new OfflineSdkHttpClient(request -> new OfflineSdkHttpClient.Answer(200,
                Map.of("Content-Type", "text/xml"), LIST_STACK_INSTANCES));
        try (CloudFormationClient cloudFormation = HubCheckWiring.cloudFormation(Region.of(REGION), offline,
                PLACEHOLDER_KEYS)) {
            StackSetInstancesSource stackSet = primedStackSet(new StackInstanceReader(cloudFormation, STACK_SET,
                    "DELEGATED_ADMIN"));
            for (int day = 0; day < days.size(); day++) {
                List<Member> members = days.get(day);
                Clock clock = Clock.fixed(start.plusSeconds(86_400L * day), ZoneOffset.UTC);
                new MembershipCheck(settings, region -> members,
                        Optional.of(() -> List.of(new OrgAccount("111111111111", "primed", "ACTIVE"))),
                        account -> List.of(REGION), Optional.of(stackSet), store,
                        message -> SlackPayloadJson.toJson(message), new SnapshotCodec(mapper),
                        new SlackReportRenderer(SectionBudget.DEFAULT), clock)
                        .run(Optional.empty(), Set.of());
            }
        }
        offlineAwsCalls = offline.requests() + primeSecretReader();
    }

    /** A sample the reader no longer understands would warm only its failure path: say so instead. */
    private static StackSetInstancesSource primedStackSet(StackInstanceReader reader) {
        return () -> {
            StackSetInstances read = reader.read();
            read.unreadable().ifPresent(reason -> {
                throw new IllegalStateException("the priming sample of ListStackInstances did not read: " + reason);
            });
            return read;
        };
    }

    /** AWS requests the offline client answered in the last priming (tests). */
    int offlineAwsCalls() {
        return offlineAwsCalls;
    }

    /** @return the requests the offline client answered */
    private static int primeSecretReader() {
        OfflineSdkHttpClient offline = new OfflineSdkHttpClient(request -> OfflineSdkHttpClient.Answer.json(200,
                "application/x-amz-json-1.1", "{\"Name\":\"priming\",\"SecretString\":"
                        + "\"{\\\"webhookUrl\\\":\\\"https://hooks.slack.com/services/PRIMING\\\"}\"}"));
        try (SecretsManagerClient secrets = HubCheckWiring.secretsManager(Region.of(REGION), offline,
                PLACEHOLDER_KEYS)) {
            SlackSecret.parse(new SecretsManagerSecretReader(secrets).read("priming"));
        }
        return offline.requests();
    }
}
