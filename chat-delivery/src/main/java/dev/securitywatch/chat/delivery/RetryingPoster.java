package dev.securitywatch.chat.delivery;

import dev.securitywatch.awslite.Sleeper;
import dev.securitywatch.awslite.http.HttpAnswer;
import dev.securitywatch.awslite.http.HttpCall;
import dev.securitywatch.awslite.http.PlainHttp;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.DoubleSupplier;

/**
 * POSTs one body until the service accepts it, refuses it for good, or the attempts or the deadline run out.
 * Honours 429 {@code Retry-After}; retries 5xx, timeouts and connection errors with {@link RetryPolicy#backoff}.
 */
final class RetryingPoster {
    /** Used when a 429 carries no readable Retry-After. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    /** @param destination a printable name; the URI itself may be a credential and is never printed */
    record Request(String destination, URI uri, Map<String, String> headers, String contentType, String body) {
    }

    private final PlainHttp http;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    RetryingPoster(PlainHttp http, RetryPolicy policy, Sleeper sleeper, DoubleSupplier random) {
        this.http = http;
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
    }

    DeliveryReceipt post(Request request, BiFunction<Integer, String, Verdict> reader, Deadline deadline) {
        int throttled = 0;
        String lastError = "no_attempt";
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            Duration remaining = deadline.remaining();
            if (remaining.isZero()) {
                throw exhausted(request, lastError, attempt - 1, throttled, "the time budget ran out");
            }
            Duration wait;
            try {
                HttpAnswer response = http.send(build(request, min(policy.attemptTimeout(), remaining)));
                int status = response.status();
                if (status == 429) {
                    throttled++;
                    lastError = "rate_limited";
                    wait = retryAfter(response.header("Retry-After"));
                    if (!deadline.allows(wait)) {
                        throw exhausted(request, lastError, attempt, throttled, "Slack asked to wait "
                                + wait.toSeconds() + " s (Retry-After), more than the time left");
                    }
                } else if (status >= 500) {
                    lastError = "http_" + status;
                    wait = policy.backoff(attempt, random.getAsDouble());
                } else {
                    Verdict verdict = reader.apply(status, response.body());
                    if (verdict instanceof Verdict.Delivered) {
                        return new DeliveryReceipt(request.destination(), attempt, throttled, false);
                    }
                    if (verdict instanceof Verdict.Rejected rejected) {
                        throw new DeliveryException(DeliveryException.Kind.PERMANENT, rejected.errorCode(), attempt,
                                throttled, request.destination() + " refused the message: " + rejected.errorCode()
                                + " (HTTP " + status + ", permanent, not retried)");
                    }
                    lastError = ((Verdict.Retry) verdict).errorCode();
                    wait = policy.backoff(attempt, random.getAsDouble());
                }
            } catch (SocketTimeoutException e) {
                lastError = "timeout";
                wait = policy.backoff(attempt, random.getAsDouble());
            } catch (IOException e) {
                // The exception text is not logged: some HTTP stacks put the request URL in it.
                lastError = "io_error_" + e.getClass().getSimpleName();
                wait = policy.backoff(attempt, random.getAsDouble());
            }
            if (attempt == policy.maxAttempts()) {
                break;
            }
            if (!deadline.allows(wait)) {
                throw exhausted(request, lastError, attempt, throttled, "no time left for another attempt");
            }
            pause(wait, request, lastError, attempt, throttled);
        }
        throw exhausted(request, lastError, policy.maxAttempts(), throttled, "all attempts failed");
    }

    private void pause(Duration wait, Request request, String lastError, int attempt, int throttled) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw exhausted(request, lastError, attempt, throttled, "interrupted");
        }
    }

    private static HttpCall build(Request request, Duration timeout) {
        Map<String, String> headers = new HashMap<>(request.headers());
        headers.put("Content-Type", request.contentType());
        return HttpCall.post(request.uri(), headers, request.body(), timeout);
    }

    /** Retry-After in seconds (Slack sends seconds); anything unreadable means one second. */
    static Duration retryAfter(String header) {
        if (header == null) {
            return DEFAULT_RETRY_AFTER;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds < 0 ? DEFAULT_RETRY_AFTER : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY_AFTER;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static DeliveryException exhausted(Request request, String lastError, int attempts, int throttled,
                                               String why) {
        return new DeliveryException(DeliveryException.Kind.EXHAUSTED, lastError, attempts, throttled,
                "delivery to " + request.destination() + " failed after " + attempts + " attempt(s): " + why
                        + " (last error: " + lastError + ")");
    }
}
