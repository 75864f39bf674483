package dev.securitywatch.lambdakit.snapstart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An AWS SDK v2 HTTP client that never opens a connection: it reads each marshalled request whole and answers from a
 * script. SnapStart priming builds a Lambda's SDK clients on it, the same way its wiring builds the real ones, so
 * marshalling, signing, endpoint resolution, the retry machinery and unmarshalling are loaded and warmed before the
 * snapshot, with no network call and no real credentials.
 *
 * <p>Needs {@code software.amazon.awssdk:http-client-spi}, which every module using it has through its SDK clients.
 */
public final class OfflineSdkHttpClient implements SdkHttpClient {

    /** One scripted answer. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public Answer {
            headers = Map.copyOf(headers);
            Objects.requireNonNull(body, "body");
        }

        /** A JSON-protocol answer, e.g. {@code json(200, "application/x-amz-json-1.0", "{}")}. */
        public static Answer json(int status, String contentType, String body) {
            return new Answer(status, Map.of("Content-Type", contentType), body);
        }
    }

    private final Function<SdkHttpRequest, Answer> script;
    private final AtomicInteger requests = new AtomicInteger();

    /** @param script picks the answer for a request, e.g. by its {@code X-Amz-Target} header */
    public OfflineSdkHttpClient(Function<SdkHttpRequest, Answer> script) {
        this.script = script;
    }

    /** How many requests were answered. */
    public int requests() {
        return requests.get();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                if (request.contentStreamProvider().isPresent()) {
                    try (InputStream body = request.contentStreamProvider().get().newStream()) {
                        body.readAllBytes();
                    }
                }
                Answer answer = script.apply(request.httpRequest());
                requests.incrementAndGet();
                SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(answer.status());
                answer.headers().forEach(response::putHeader);
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                response.putHeader("Content-Length", Integer.toString(body.length));
                return HttpExecuteResponse.builder().response(response.build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body))).build();
            }

            @Override
            public void abort() {
                // Nothing is in flight.
            }
        };
    }

    @Override
    public String clientName() {
        return "OfflinePriming";
    }

    @Override
    public void close() {
        // No connection to close.
    }
}
