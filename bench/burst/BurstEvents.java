import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A Terraform-like burst: N distinct CloudTrail events within ten seconds, from a handful of actors in one account,
 * made from acceptance-corpus records (security groups, VPC plumbing, IAM), each with its own event id. None is
 * CRITICAL, as a routine apply is not; the burst shape, not the severity, is what is measured.
 */
final class BurstEvents {
    static final String ACCOUNT = "111111111111";
    static final List<String> ROLES = List.of("terraform-apply", "ci-deployer", "platform-admin", "cdk-exec");
    static final List<String> TEMPLATES = List.of(
            "ec2-CreateSecurityGroup-AssumedRole-panther-1",
            "ec2-AuthorizeSecurityGroupEgress-AssumedRole-panther-1",
            "ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-1",
            "ec2-CreateVpc-AssumedRole-panther-1",
            "ec2-CreateRoute-AssumedRole-panther-1",
            "ec2-AttachInternetGateway-AssumedRole-panther-1",
            "ec2-CreateNetworkAclEntry-AssumedRole-panther-1",
            "iam-CreateRole-AssumedRole-panther-1",
            "iam-AttachRolePolicy-AssumedRole-panther-1",
            "iam-CreateUser-AssumedRole-panther-1");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One SNS notification (as the alerts topic sends it) per event, the EventBridge envelope as its Message. */
    static List<String> snsNotifications(Path corpus, int n, Instant start) throws IOException {
        List<ObjectNode> templates = new ArrayList<>();
        for (String name : TEMPLATES) {
            templates.add((ObjectNode) MAPPER.readTree(Files.readString(corpus.resolve(name + ".json"))));
        }
        List<String> notifications = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ObjectNode record = templates.get(i % templates.size()).deepCopy();
            String role = ROLES.get(i % ROLES.size());
            Instant at = start.plusMillis(10_000L * i / n);
            String eventId = UUID.nameUUIDFromBytes(("burst-" + n + "-" + i).getBytes()).toString();
            record.put("eventID", eventId);
            record.put("eventTime", at.toString());
            record.put("recipientAccountId", ACCOUNT);
            record.put("awsRegion", "us-east-1");
            ObjectNode identity = record.putObject("userIdentity");
            identity.put("type", "AssumedRole");
            identity.put("principalId", "AROABENCH" + role.length() + ":session-" + i);
            identity.put("arn", "arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/session-" + i);
            identity.put("accountId", ACCOUNT);
            ObjectNode issuer = identity.putObject("sessionContext").putObject("sessionIssuer");
            issuer.put("type", "Role");
            issuer.put("arn", "arn:aws:iam::" + ACCOUNT + ":role/" + role);
            issuer.put("accountId", ACCOUNT);
            issuer.put("userName", role);
            ObjectNode envelope = MAPPER.createObjectNode();
            envelope.put("version", "0");
            envelope.put("id", UUID.nameUUIDFromBytes(("envelope-" + eventId).getBytes()).toString());
            envelope.put("detail-type", "AWS API Call via CloudTrail");
            envelope.put("source", "aws." + record.path("eventSource").asText().replace(".amazonaws.com", ""));
            envelope.put("account", ACCOUNT);
            envelope.put("time", at.toString());
            envelope.put("region", "us-east-1");
            envelope.putArray("resources");
            envelope.set("detail", record);
            ObjectNode sns = MAPPER.createObjectNode();
            sns.put("Type", "Notification");
            sns.put("MessageId", UUID.nameUUIDFromBytes(("sns-" + eventId).getBytes()).toString());
            sns.put("TopicArn", "arn:aws:sns:ap-northeast-1:123456789012:security-watch-alerts");
            sns.put("Message", envelope.toString());
            sns.put("Timestamp", at.toString());
            notifications.add(sns.toString());
        }
        return notifications;
    }

    private BurstEvents() {
    }
}
