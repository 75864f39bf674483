package dev.securitywatch.lambdakit.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

class OfflineSdkHttpClientTest {

    @Test
    void readsTheRequestWholeAndAnswersFromTheScript() throws Exception {
        AtomicInteger bodyReads = new AtomicInteger();
        OfflineSdkHttpClient client = new OfflineSdkHttpClient(request -> OfflineSdkHttpClient.Answer.json(
                200, "application/x-amz-json-1.0", "{\"target\":\"" + request.firstMatchingHeader("X-Amz-Target")
                        .orElse("") + "\"}"));
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(URI.create("https://dynamodb.us-east-1.amazonaws.com/"))
                .putHeader("X-Amz-Target", "DynamoDB_20120810.PutItem").build();

        HttpExecuteResponse response = client.prepareRequest(HttpExecuteRequest.builder().request(request)
                .contentStreamProvider(() -> {
                    bodyReads.incrementAndGet();
                    return new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8));
                }).build()).call();

        assertThat(response.httpResponse().statusCode()).isEqualTo(200);
        assertThat(response.httpResponse().firstMatchingHeader("Content-Type")).contains("application/x-amz-json-1.0");
        assertThat(new String(response.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"target\":\"DynamoDB_20120810.PutItem\"}");
        assertThat(bodyReads).hasValue(1);
        assertThat(client.requests()).isEqualTo(1);
        assertThat(client.clientName()).isEqualTo("OfflinePriming");
    }
}
