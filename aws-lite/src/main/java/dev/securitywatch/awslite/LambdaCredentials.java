package dev.securitywatch.awslite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.awslite.http.HttpAnswer;
import dev.securitywatch.awslite.http.HttpCall;
import dev.securitywatch.awslite.http.PlainHttp;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The execution role's credentials, as a Lambda function gets them: from {@code AWS_ACCESS_KEY_ID},
 * {@code AWS_SECRET_ACCESS_KEY} and {@code AWS_SESSION_TOKEN}, or, with SnapStart (which leaves those unset), from the
 * container credentials endpoint ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} with
 * {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}). The source is chosen at the first call, not at construction, because
 * a SnapStart snapshot is taken before the restored environment exists. Endpoint credentials are cached and fetched
 * again {@link #REFRESH_BEFORE_EXPIRY} before they expire.
 */
public final class LambdaCredentials implements CredentialsSource {
    static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);
    static final Duration ENDPOINT_TIMEOUT = Duration.ofSeconds(2);
    /** ECS sets a path on this fixed address instead of a full URI. */
    static final String ECS_ENDPOINT = "http://169.254.170.2";

    private final Supplier<Map<String, String>> environment;
    private final PlainHttp http;
    private final ObjectMapper mapper;
    private final Clock clock;
    private AwsCredentials cached;

    /** @param environment read again whenever credentials are (re)loaded */
    public LambdaCredentials(Supplier<Map<String, String>> environment, PlainHttp http, ObjectMapper mapper,
                             Clock clock) {
        this.environment = environment;
        this.http = http;
        this.mapper = mapper;
        this.clock = clock;
    }

    public static LambdaCredentials fromProcessEnvironment(PlainHttp http, ObjectMapper mapper) {
        return new LambdaCredentials(System::getenv, http, mapper, Clock.systemUTC());
    }

    @Override
    public synchronized AwsCredentials credentials() {
        if (cached != null && (cached.expiration() == null
                || clock.instant().isBefore(cached.expiration().minus(REFRESH_BEFORE_EXPIRY)))) {
            return cached;
        }
        cached = load(environment.get());
        return cached;
    }

    private AwsCredentials load(Map<String, String> environment) {
        String keyId = environment.get("AWS_ACCESS_KEY_ID");
        if (keyId != null && !keyId.isBlank()) {
            return new AwsCredentials(keyId, environment.get("AWS_SECRET_ACCESS_KEY"),
                    blankToNull(environment.get("AWS_SESSION_TOKEN")), null);
        }
        String fullUri = environment.get("AWS_CONTAINER_CREDENTIALS_FULL_URI");
        String relativeUri = environment.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
        if (fullUri != null && !fullUri.isBlank()) {
            return fromEndpoint(trusted(URI.create(fullUri)), authorization(environment));
        }
        if (relativeUri != null && !relativeUri.isBlank()) {
            return fromEndpoint(URI.create(ECS_ENDPOINT + relativeUri), authorization(environment));
        }
        throw new AwsCallException("no_credentials", "no AWS credentials: set AWS_ACCESS_KEY_ID and"
                + " AWS_SECRET_ACCESS_KEY, or AWS_CONTAINER_CREDENTIALS_FULL_URI (set by Lambda)");
    }

    /**
     * Like the SDKs, plain HTTP is only trusted on a loopback address (Lambda's endpoint is 127.0.0.1), so a changed
     * environment cannot send the authorization token across a network in clear text.
     */
    private static URI trusted(URI endpoint) {
        String host = endpoint.getHost() == null ? "" : endpoint.getHost();
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("::1");
        if ("https".equals(endpoint.getScheme()) || ("http".equals(endpoint.getScheme()) && loopback)) {
            return endpoint;
        }
        throw new AwsCallException("no_credentials", "AWS_CONTAINER_CREDENTIALS_FULL_URI must be https, or http on a"
                + " loopback address; refusing " + endpoint.getScheme() + "://" + host);
    }

    private static String authorization(Map<String, String> environment) {
        String token = environment.get("AWS_CONTAINER_AUTHORIZATION_TOKEN");
        if (token != null && !token.isBlank()) {
            return token.trim();
        }
        String file = environment.get("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
        if (file == null || file.isBlank()) {
            return null;
        }
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new AwsCallException("no_credentials", "cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE "
                    + file + ": " + e.getClass().getSimpleName());
        }
    }

    private AwsCredentials fromEndpoint(URI endpoint, String authorization) {
        HttpAnswer answer;
        try {
            answer = http.send(HttpCall.get(endpoint,
                    authorization == null ? Map.of() : Map.of("Authorization", authorization), ENDPOINT_TIMEOUT));
        } catch (IOException e) {
            throw new AwsCallException("no_credentials", "cannot reach the container credentials endpoint: "
                    + e.getMessage());
        }
        if (!answer.isSuccess()) {
            throw new AwsCallException("no_credentials", "the container credentials endpoint answered HTTP "
                    + answer.status());
        }
        try {
            JsonNode document = mapper.readTree(answer.body());
            String expiration = document.path("Expiration").asText(null);
            return new AwsCredentials(document.path("AccessKeyId").asText(null),
                    document.path("SecretAccessKey").asText(null), blankToNull(document.path("Token").asText(null)),
                    expiration == null ? null : Instant.parse(expiration));
        } catch (IOException | DateTimeParseException | AwsCallException e) {
            throw new AwsCallException("no_credentials", "the container credentials endpoint answered an"
                    + " unreadable document (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
