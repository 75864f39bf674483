package dev.securitywatch.awslite.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * One HTTP request. {@code headers} never name the host or the length: the transport sets those.
 *
 * @param timeout the whole time this call may wait for a connection and then for each read of the answer
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout) {

    public HttpCall {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public static HttpCall post(URI uri, Map<String, String> headers, String body, Duration timeout) {
        return new HttpCall("POST", uri, headers, body.getBytes(StandardCharsets.UTF_8), timeout);
    }

    public static HttpCall get(URI uri, Map<String, String> headers, Duration timeout) {
        return new HttpCall("GET", uri, headers, null, timeout);
    }

    /** Never prints the URI or the headers: either may carry a credential (a webhook path, a token). */
    @Override
    public String toString() {
        return "HttpCall[" + method + " " + uri.getHost() + "]";
    }
}
