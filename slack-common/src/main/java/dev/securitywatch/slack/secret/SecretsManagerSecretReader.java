package dev.securitywatch.slack.secret;

import java.net.URI;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/** Reads secrets with {@code secretsmanager:GetSecretValue}. */
public final class SecretsManagerSecretReader implements SecretReader {
    private final SecretsManagerClient client;

    public SecretsManagerSecretReader(SecretsManagerClient client) {
        this.client = client;
    }

    /** A client on the url-connection HTTP stack, with region and credentials from the Lambda environment. */
    public static SecretsManagerSecretReader fromEnvironment() {
        return new SecretsManagerSecretReader(SecretsManagerClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build());
    }

    /** For tests and non-default endpoints (VPC endpoints). */
    public static SecretsManagerSecretReader withEndpoint(URI endpoint, SecretsManagerClientBuilder builder) {
        return new SecretsManagerSecretReader(builder.endpointOverride(endpoint)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build());
    }

    @Override
    public String read(String secretId) {
        GetSecretValueResponse response;
        try {
            response = client.getSecretValue(r -> r.secretId(secretId));
        } catch (SecretsManagerException e) {
            String code = e.awsErrorDetails() == null ? "HTTP " + e.statusCode() : e.awsErrorDetails().errorCode();
            throw new SecretFormatException("cannot read secret " + secretId + ": " + code);
        } catch (SdkException e) {
            throw new SecretFormatException("cannot read secret " + secretId + ": " + e.getClass().getSimpleName());
        }
        if (response.secretString() == null) {
            throw new SecretFormatException("secret " + secretId + " has no SecretString (binary secrets are not"
                    + " supported)");
        }
        return response.secretString();
    }
}
