package dev.securitywatch.awslite.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Blocking HTTP over {@link HttpURLConnection}. Chosen over {@code java.net.http.HttpClient} for cold start: no
 * selector thread (a thread parked in native code holds JVM exit for ~0.3 s), no TLS set-up for plain-HTTP calls, and
 * about a third of the classes. Redirects are never followed: a redirect would carry a signed request or a webhook
 * body somewhere else. Keep-alive connections are pooled by the JDK.
 */
public final class PlainHttp {
    /** Connecting never waits longer than this, even when the call's own timeout is longer. */
    static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** Answers larger than this are cut: every service called here answers in a few KB. */
    static final int MAX_BODY_BYTES = 1 << 20;

    /**
     * @throws SocketTimeoutException when connecting or reading took longer than the call's timeout
     * @throws IOException when the connection failed; its message never carries the URI
     */
    public HttpAnswer send(HttpCall call) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) call.uri().toURL().openConnection();
        try {
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setConnectTimeout(millis(min(call.timeout(), MAX_CONNECT_TIMEOUT)));
            connection.setReadTimeout(millis(call.timeout()));
            connection.setRequestMethod(call.method());
            call.headers().forEach(connection::setRequestProperty);
            if (call.body().length > 0 || call.method().equals("POST")) {
                // Not streamed: the JDK then sends headers and body in one write, and Nagle's algorithm never holds
                // the body back waiting for the peer's delayed ACK of the headers. Bodies here are a few KB.
                connection.setDoOutput(true);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(call.body());
                }
            }
            int status = connection.getResponseCode();
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String body = stream == null ? "" : read(stream);
            return new HttpAnswer(status, connection.getHeaderFields(), body);
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("no answer from " + call.uri().getHost() + " within " + call.timeout());
        } catch (IOException e) {
            // The JDK's messages can quote the whole URL; a webhook URL is a credential.
            throw new IOException(e.getClass().getSimpleName() + " calling " + call.uri().getHost());
        }
    }

    private static String read(InputStream stream) throws IOException {
        try (stream) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = stream.read(buffer)) != -1 && out.size() < MAX_BODY_BYTES) {
                out.write(buffer, 0, Math.min(n, MAX_BODY_BYTES - out.size()));
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static int millis(Duration duration) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toMillis()));
    }
}
