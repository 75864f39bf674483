package dev.securitywatch.chat.delivery;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The HTTP client Slack and Chatwork posts go through: the JDK's {@link HttpClient}, one per container, shared by both
 * senders.
 *
 * <p>It never re-sends a POST on its own. {@code HttpURLConnection} does: a non-streamed POST that fails with an I/O
 * error after it was written is silently sent once more ({@code sun.net.http.retryPost}, true by default), which can
 * post an alert twice. The JDK's HttpClient retries a request it wrote only when the method is idempotent (GET, HEAD)
 * or {@code jdk.httpclient.enableAllMethodRetry} is set; it re-tries a connection that never opened (nothing was
 * sent). {@link #client()} refuses to build when that property is set. Every retry of a message is then one of
 * {@link RetryingPoster}'s, counted and bounded by the {@link Deadline}.
 *
 * <p>HTTP/1.1 only: two small POSTs gain nothing from HTTP/2, and plain-HTTP test servers get no {@code h2c} upgrade.
 * Redirects are never followed: a redirect would carry the message, and the token header, elsewhere.
 */
public final class ChatHttp {
    /** Opening a connection never waits longer than this; each attempt has its own, longer, timeout. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final String ALL_METHOD_RETRY = "jdk.httpclient.enableAllMethodRetry";

    private ChatHttp() {
    }

    /**
     * A new client; build one per container and share it.
     *
     * @throws IllegalStateException when {@code jdk.httpclient.enableAllMethodRetry} is set, which would let the JDK
     *                               re-send a POST
     */
    public static HttpClient client() {
        String allMethodRetry = System.getProperty(ALL_METHOD_RETRY);
        if (allMethodRetry != null && (allMethodRetry.isEmpty() || Boolean.parseBoolean(allMethodRetry))) {
            throw new IllegalStateException(ALL_METHOD_RETRY + " is set: the JDK's HttpClient would re-send a Slack or"
                    + " Chatwork POST on its own; unset it");
        }
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }
}
