package dev.securitywatch.awslite;

import java.time.Instant;

/**
 * Temporary or long-term AWS credentials.
 *
 * @param sessionToken null for long-term keys
 * @param expiration   null when they do not expire
 */
public record AwsCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {

    public AwsCredentials {
        if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
            throw new AwsCallException("credentials", "incomplete AWS credentials: an access key id and a secret"
                    + " access key are both needed");
        }
    }

    /** Never prints the secret key or the token. */
    @Override
    public String toString() {
        return "AwsCredentials[" + accessKeyId + ", expires " + (expiration == null ? "never" : expiration) + "]";
    }
}
