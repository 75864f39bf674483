package dev.securitywatch.awslite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.awslite.http.HttpAnswer;
import dev.securitywatch.awslite.http.HttpCall;
import dev.securitywatch.awslite.http.PlainHttp;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * Calls one operation of an {@link AwsJsonService} in one region, signed with SigV4. Throttling, 5xx answers, timeouts
 * and connection errors are retried like the SDK's standard mode (3 attempts, capped exponential backoff with full
 * jitter); anything else the service refuses is thrown at once as an {@link AwsCallException} carrying its error type.
 */
public final class AwsJsonClient {
    /** The SDK's throttling error codes: retried with backoff like a 5xx. */
    static final Set<String> THROTTLING = Set.of("Throttling", "ThrottlingException", "ThrottledException",
            "RequestThrottledException", "TooManyRequestsException", "ProvisionedThroughputExceededException",
            "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
            "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
            "EC2ThrottledException", "RequestTimeout", "RequestTimeoutException");

    /** Attempts, backoff and the per-attempt timeout. */
    public record Retries(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration attemptTimeout) {
        public static final Retries STANDARD = new Retries(3, Duration.ofMillis(100), Duration.ofSeconds(2),
                Duration.ofSeconds(5));

        Duration backoff(int attempt, double random) {
            long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
            return Duration.ofMillis((long) (ceiling * random));
        }
    }

    private final AwsJsonService service;
    private final String region;
    private final URI endpoint;
    private final CredentialsSource credentials;
    private final PlainHttp http;
    private final ObjectMapper mapper;
    private final Retries retries;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final Clock clock;

    public AwsJsonClient(AwsJsonService service, String region, URI endpoint, CredentialsSource credentials,
                         PlainHttp http, ObjectMapper mapper, Retries retries, Sleeper sleeper, DoubleSupplier random,
                         Clock clock) {
        this.service = service;
        this.region = region;
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.http = http;
        this.mapper = mapper;
        this.retries = retries;
        this.sleeper = sleeper;
        this.random = random;
        this.clock = clock;
    }

    /** The service's public endpoint in {@code region}, with standard retries and real sleeps. */
    public static AwsJsonClient regional(AwsJsonService service, String region, CredentialsSource credentials,
                                         PlainHttp http, ObjectMapper mapper) {
        return new AwsJsonClient(service, region, service.endpoint(region), credentials, http, mapper,
                Retries.STANDARD, Sleeper.REAL, Jitter.snapStartSafe(), Clock.systemUTC());
    }

    /**
     * @return the response document
     * @throws AwsCallException when the service refused the call, or no answer came after the retries
     */
    public JsonNode call(String operation, ObjectNode request) {
        String body = request.toString();
        String lastError = "no_attempt";
        for (int attempt = 1; attempt <= retries.maxAttempts(); attempt++) {
            if (attempt > 1) {
                try {
                    sleeper.sleep(retries.backoff(attempt - 1, random.getAsDouble()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AwsCallException("interrupted", describe(operation) + " was interrupted");
                }
            }
            HttpCall call = SigV4.sign(HttpCall.post(endpoint, Map.of(
                            "Content-Type", service.contentType(),
                            "X-Amz-Target", service.targetPrefix() + '.' + operation), body, retries.attemptTimeout()),
                    service.signingName(), region, credentials.credentials(), clock.instant());
            HttpAnswer answer;
            try {
                answer = http.send(call);
            } catch (SocketTimeoutException e) {
                lastError = "timeout";
                continue;
            } catch (IOException e) {
                lastError = "io_error";
                continue;
            }
            if (answer.isSuccess()) {
                return parse(answer.body(), operation);
            }
            AwsCallException refused = refusal(operation, answer);
            if (answer.status() < 500 && !THROTTLING.contains(refused.errorCode())) {
                throw refused;
            }
            lastError = refused.errorCode();
        }
        throw new AwsCallException(lastError, describe(operation) + " failed after " + retries.maxAttempts()
                + " attempts (last error: " + lastError + ")");
    }

    private JsonNode parse(String body, String operation) {
        try {
            JsonNode document = mapper.readTree(body);
            return document == null ? mapper.createObjectNode() : document;
        } catch (IOException e) {
            throw new AwsCallException("unreadable_response", describe(operation) + " answered a body that is not"
                    + " JSON");
        }
    }

    /** The error type comes from {@code __type} ({@code namespace#Code}) or the {@code x-amzn-ErrorType} header. */
    private AwsCallException refusal(String operation, HttpAnswer answer) {
        JsonNode document;
        try {
            document = answer.body().isBlank() ? MissingNode.getInstance() : mapper.readTree(answer.body());
        } catch (IOException e) {
            document = MissingNode.getInstance();
        }
        String type = document.path("__type").asText("");
        if (type.isEmpty() && answer.header("x-amzn-ErrorType") != null) {
            type = answer.header("x-amzn-ErrorType");
        }
        String code = type.isEmpty() ? "http_" + answer.status() : type.substring(type.lastIndexOf('#') + 1);
        int colon = code.indexOf(':');
        code = colon < 0 ? code : code.substring(0, colon);
        String message = document.path("message").asText(document.path("Message").asText(""));
        String requestId = answer.header("x-amzn-RequestId");
        return new AwsCallException(code, answer.status(), document, describe(operation) + " was refused: " + code
                + " (HTTP " + answer.status() + (requestId == null ? "" : ", request id " + requestId) + ")"
                + (message.isEmpty() ? "" : ": " + message));
    }

    private String describe(String operation) {
        return service.signingName() + ':' + operation + " in " + region;
    }
}
