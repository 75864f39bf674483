package dev.securitywatch.chat.delivery;

import dev.securitywatch.lambdakit.retry.RetryPolicy;
import dev.securitywatch.lambdakit.retry.Sleeper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * POSTs one body until the service accepts it, refuses it for good, or the attempts or the deadline run out.
 * Retries 5xx, timeouts and connection errors after {@link RetryPolicy#delayAfter}, up to the policy's attempts. A 429
 * is not an error: it waits {@code Retry-After} and tries again for as long as the deadline allows, without using an
 * attempt, and tells the {@link Pacer} so later posts slow down too. Every request first waits for the destination's
 * turn at the pacer. Each attempt is exactly one request from the {@link ChatHttp} client, which re-sends nothing on
 * its own.
 */
final class RetryingPoster {
    /** Used when a 429 carries no readable Retry-After. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    /** Suits a Lambda with a 30 s timeout: up to 5 attempts over roughly 0.5 + 1 + 2 + 4 seconds. */
    static final RetryPolicy DEFAULT_POLICY = RetryPolicy.equalJitter(5, Duration.ofMillis(500), Duration.ofSeconds(4));
    /** How long one exchange (connect, send, answer) may take. */
    static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
    /** Answers longer than this are cut: Slack and Chatwork answer in a few hundred bytes. */
    static final int MAX_ANSWER_BYTES = 64 * 1024;

    /**
     * One message to post. Its {@code toString()} names the destination only: the URI (a webhook path) and the
     * headers (a token) are credentials, and the body is the alert.
     *
     * @param destination a printable name, e.g. "Slack channel C0123"
     */
    record Request(String destination, URI uri, Map<String, String> headers, String contentType, String body) {
        Request {
            headers = Map.copyOf(headers);
        }

        @Override
        public String toString() {
            return "Request[POST to " + destination + "]";
        }
    }

    private final HttpClient http;
    private final RetryPolicy policy;
    private final Duration attemptTimeout;
    private final Sleeper sleeper;
    private final Pacer pacer;

    RetryingPoster(HttpClient http, RetryPolicy policy, Duration attemptTimeout, Sleeper sleeper, Pacer pacer) {
        this.http = http;
        this.policy = policy;
        this.attemptTimeout = attemptTimeout;
        this.sleeper = sleeper;
        this.pacer = pacer;
    }

    DeliveryReceipt post(Request request, BiFunction<Integer, String, Verdict> reader, Deadline deadline) {
        int throttled = 0;
        String lastError = "no_attempt";
        int attempt = 1;
        while (attempt <= policy.maxAttempts()) {
            if (!pacer.awaitTurn(request.destination(), deadline)) {
                throw throttledOut(request, attempt - 1, throttled, "the channel's pace leaves no turn in the time"
                        + " left");
            }
            Duration remaining = deadline.remaining();
            if (remaining.isZero()) {
                throw exhausted(request, lastError, attempt - 1, throttled, "the time budget ran out");
            }
            Duration wait;
            try {
                Answer answer = exchange(request, min(attemptTimeout, remaining));
                int status = answer.status();
                if (status == 429) {
                    throttled++;
                    wait = retryAfter(answer.retryAfter());
                    pacer.slowDown(request.destination(), wait);
                    if (!deadline.allows(wait)) {
                        throw throttledOut(request, attempt - 1, throttled, "Slack asked to wait " + wait.toSeconds()
                                + " s (Retry-After), more than the time left");
                    }
                    // Slowing down is not a failed attempt; the pacer keeps the rest of this process behind the wait.
                    pause(wait, request, "rate_limited", attempt - 1, throttled);
                    continue;
                } else if (status >= 500) {
                    lastError = "http_" + status;
                    wait = policy.delayAfter(attempt);
                } else {
                    Verdict verdict = reader.apply(status, answer.body());
                    if (verdict instanceof Verdict.Delivered delivered) {
                        return new DeliveryReceipt(request.destination(), attempt, throttled, false,
                                delivered.message());
                    }
                    if (verdict instanceof Verdict.Rejected rejected) {
                        throw new DeliveryException(DeliveryException.Kind.PERMANENT, rejected.errorCode(), attempt,
                                throttled, request.destination() + " refused the message: " + rejected.errorCode()
                                + " (HTTP " + status + ", permanent, not retried)");
                    }
                    lastError = ((Verdict.Retry) verdict).errorCode();
                    wait = policy.delayAfter(attempt);
                }
            } catch (HttpTimeoutException | TimeoutException e) {
                lastError = "timeout";
                wait = policy.delayAfter(attempt);
            } catch (IOException e) {
                // The exception text is not logged: some HTTP stacks put the request URL in it.
                lastError = "io_error_" + e.getClass().getSimpleName();
                wait = policy.delayAfter(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw exhausted(request, lastError, attempt, throttled, "interrupted");
            }
            if (attempt == policy.maxAttempts()) {
                break;
            }
            if (!deadline.allows(wait)) {
                throw exhausted(request, lastError, attempt, throttled, "no time left for another attempt");
            }
            pause(wait, request, lastError, attempt, throttled);
            attempt++;
        }
        throw exhausted(request, lastError, policy.maxAttempts(), throttled, "all attempts failed");
    }

    private record Answer(int status, String retryAfter, String body) {
    }

    /**
     * One request and its whole answer within {@code timeout}. The request's own timeout covers the connection and
     * the response headers; the bound on the future covers a body that never ends too, and cancelling the future
     * aborts the exchange.
     */
    private Answer exchange(Request request, Duration timeout)
            throws IOException, InterruptedException, TimeoutException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(timeout)
                .header("Content-Type", request.contentType())
                .POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        request.headers().forEach(builder::header);
        CappedBody body = new CappedBody();
        CompletableFuture<HttpResponse<Void>> pending = http.sendAsync(builder.build(),
                HttpResponse.BodyHandlers.ofByteArrayConsumer(body));
        try {
            HttpResponse<Void> response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                    body.text());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause() == null ? "failed" : e.getCause().getClass().getSimpleName());
        } catch (TimeoutException | InterruptedException e) {
            pending.cancel(true);
            throw e;
        }
    }

    /** Keeps the first {@link #MAX_ANSWER_BYTES} of an answer and drops the rest. */
    private static final class CappedBody implements Consumer<Optional<byte[]>> {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        @Override
        public synchronized void accept(Optional<byte[]> chunk) {
            chunk.ifPresent(bytes -> kept.write(bytes, 0, Math.min(bytes.length, MAX_ANSWER_BYTES - kept.size())));
        }

        synchronized String text() {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }

    private void pause(Duration wait, Request request, String lastError, int attempt, int throttled) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw exhausted(request, lastError, attempt, throttled, "interrupted");
        }
    }

    /** Retry-After in seconds (Slack sends seconds); anything unreadable or not positive means one second. */
    static Duration retryAfter(String header) {
        if (header == null) {
            return DEFAULT_RETRY_AFTER;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds <= 0 ? DEFAULT_RETRY_AFTER : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY_AFTER;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static DeliveryException throttledOut(Request request, int attempts, int throttled, String why) {
        return new DeliveryException(DeliveryException.Kind.THROTTLED, "rate_limited", attempts, throttled,
                "delivery to " + request.destination() + " postponed after " + throttled + " rate limit(s): " + why);
    }

    private static DeliveryException exhausted(Request request, String lastError, int attempts, int throttled,
                                               String why) {
        return new DeliveryException(DeliveryException.Kind.EXHAUSTED, lastError, attempts, throttled,
                "delivery to " + request.destination() + " failed after " + attempts + " attempt(s): " + why
                        + " (last error: " + lastError + ")");
    }
}
