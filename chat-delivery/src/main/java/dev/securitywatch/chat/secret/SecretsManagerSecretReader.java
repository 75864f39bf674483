package dev.securitywatch.chat.secret;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * Reads secrets with {@code secretsmanager:GetSecretValue} through the AWS SDK v2 client the Lambda's wiring builds
 * once per container (in the secret's own region: {@link #regionOf}). The SDK signs, finds credentials and retries
 * throttling and 5xx answers. Failures name the secret and the AWS error code, never the secret's value nor an SDK
 * message (which could quote a response).
 */
public final class SecretsManagerSecretReader implements SecretReader {
    private final SecretsManagerClient client;

    public SecretsManagerSecretReader(SecretsManagerClient client) {
        this.client = client;
    }

    /**
     * The region a secret is read in: the one its ARN names ({@code arn:aws:secretsmanager:REGION:...}), or
     * {@code defaultRegion} for a plain secret name.
     */
    public static String regionOf(String secretId, String defaultRegion) {
        String[] arn = secretId == null ? new String[0] : secretId.split(":");
        return arn.length > 6 && arn[0].equals("arn") && !arn[3].isEmpty() ? arn[3] : defaultRegion;
    }

    @Override
    public String read(String secretId) {
        GetSecretValueResponse response;
        try {
            response = client.getSecretValue(request -> request.secretId(secretId));
        } catch (AwsServiceException e) {
            throw new SecretFormatException("cannot read secret " + secretId + ": " + serviceError(e));
        } catch (SdkException e) {
            // No credentials, no connection, an unreadable answer: the class names it; its message is not copied.
            Throwable cause = e.getCause();
            throw new SecretFormatException("cannot read secret " + secretId + ": " + e.getClass().getSimpleName()
                    + (cause == null ? "" : " (" + cause.getClass().getSimpleName() + ")"));
        }
        if (response.secretString() == null) {
            throw new SecretFormatException("secret " + secretId + " has no SecretString (binary secrets are not"
                    + " supported)");
        }
        return response.secretString();
    }

    /** The error code, with what to check for the refusals an operator can fix. */
    private static String serviceError(AwsServiceException e) {
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                ? "HTTP " + e.statusCode() : e.awsErrorDetails().errorCode();
        return switch (code) {
            case "AccessDeniedException" -> code + " (the execution role needs secretsmanager:GetSecretValue on it,"
                    + " and kms:Decrypt on its key when that is a customer managed key)";
            case "DecryptionFailure" -> code + " (Secrets Manager could not decrypt it with its KMS key: check that"
                    + " the key is enabled and its policy lets the execution role decrypt)";
            default -> code;
        };
    }
}
