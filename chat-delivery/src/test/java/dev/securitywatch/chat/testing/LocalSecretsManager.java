package dev.securitywatch.chat.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.awslite.AwsCredentials;
import dev.securitywatch.awslite.AwsJsonClient;
import dev.securitywatch.awslite.AwsJsonService;
import dev.securitywatch.awslite.http.PlainHttp;
import dev.securitywatch.chat.secret.SecretsManagerSecretReader;
import java.net.URI;
import java.time.Clock;

/** The real secret reader pointed at a local stub of Secrets Manager, with test credentials and no retry sleeps. */
public final class LocalSecretsManager {
    private LocalSecretsManager() {
    }

    /** @param baseUrl the stub's base URL, e.g. WireMock's {@code baseUrl()} */
    public static SecretsManagerSecretReader reader(String baseUrl, String region) {
        ObjectMapper mapper = new ObjectMapper();
        return new SecretsManagerSecretReader(new AwsJsonClient(AwsJsonService.SECRETS_MANAGER, region,
                URI.create(baseUrl + "/"), () -> new AwsCredentials("AKIDLOCALTEST", "x", null, null),
                new PlainHttp(), mapper, AwsJsonClient.Retries.STANDARD, duration -> { }, () -> 0.0,
                Clock.systemUTC()), mapper);
    }
}
