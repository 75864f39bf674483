package dev.securitywatch.awslite;

import java.net.URI;
import java.util.Locale;

/**
 * A service that speaks AWS's JSON protocol: POST {@code /} with {@code X-Amz-Target: <targetPrefix>.<Operation>}.
 *
 * @param signingName  the SigV4 service name, e.g. {@code dynamodb}
 * @param targetPrefix e.g. {@code DynamoDB_20120810}
 * @param jsonVersion  {@code 1.0} or {@code 1.1}
 */
public record AwsJsonService(String signingName, String targetPrefix, String jsonVersion) {
    public static final AwsJsonService DYNAMODB = new AwsJsonService("dynamodb", "DynamoDB_20120810", "1.0");
    public static final AwsJsonService SECRETS_MANAGER = new AwsJsonService("secretsmanager", "secretsmanager", "1.1");

    public String contentType() {
        return "application/x-amz-json-" + jsonVersion;
    }

    /** The public regional endpoint, in the partition the region belongs to (aws, aws-cn, aws-us-gov). */
    public URI endpoint(String region) {
        String suffix = region.toLowerCase(Locale.ROOT).startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return URI.create("https://" + signingName + '.' + region + '.' + suffix + '/');
    }
}
