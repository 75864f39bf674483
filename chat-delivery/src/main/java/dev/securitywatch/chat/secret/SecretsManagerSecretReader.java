package dev.securitywatch.chat.secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.awslite.AwsCallException;
import dev.securitywatch.awslite.AwsJsonClient;
import dev.securitywatch.awslite.AwsJsonService;
import dev.securitywatch.awslite.CredentialsSource;
import dev.securitywatch.awslite.http.PlainHttp;

/** Reads secrets with {@code secretsmanager:GetSecretValue}. */
public final class SecretsManagerSecretReader implements SecretReader {
    private final AwsJsonClient client;
    private final ObjectMapper mapper;

    public SecretsManagerSecretReader(AwsJsonClient client, ObjectMapper mapper) {
        this.client = client;
        this.mapper = mapper;
    }

    /**
     * A reader for {@code secretId} in the region its ARN names ({@code arn:aws:secretsmanager:REGION:...}), or in
     * {@code defaultRegion} for a plain secret name.
     */
    public static SecretsManagerSecretReader forSecret(String secretId, String defaultRegion,
                                                       CredentialsSource credentials, PlainHttp http,
                                                       ObjectMapper mapper) {
        return new SecretsManagerSecretReader(AwsJsonClient.regional(AwsJsonService.SECRETS_MANAGER,
                regionOf(secretId, defaultRegion), credentials, http, mapper), mapper);
    }

    static String regionOf(String secretId, String defaultRegion) {
        String[] arn = secretId == null ? new String[0] : secretId.split(":");
        return arn.length > 6 && arn[0].equals("arn") && !arn[3].isEmpty() ? arn[3] : defaultRegion;
    }

    @Override
    public String read(String secretId) {
        JsonNode response;
        try {
            response = client.call("GetSecretValue", mapper.createObjectNode().put("SecretId", secretId));
        } catch (AwsCallException e) {
            throw new SecretFormatException("cannot read secret " + secretId + ": " + e.errorCode());
        }
        JsonNode value = response.path("SecretString");
        if (!value.isTextual()) {
            throw new SecretFormatException("secret " + secretId + " has no SecretString (binary secrets are not"
                    + " supported)");
        }
        return value.asText();
    }
}
