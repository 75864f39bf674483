package dev.securitywatch.awslite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.securitywatch.awslite.http.HttpCall;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

class SigV4Test {
    private static final Instant NOW = Instant.parse("2026-11-28T12:34:56Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    /** The worked example in AWS's SigV4 documentation (IAM ListUsers). */
    @Test
    void matchesTheWorkedExampleInAwsDocumentation() {
        HttpCall call = new HttpCall("GET",
                URI.create("https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08"),
                Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), null, TIMEOUT);
        AwsCredentials credentials = new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                null, null);

        HttpCall signed = SigV4.sign(call, "iam", "us-east-1", credentials, Instant.parse("2015-08-30T12:36:00Z"));

        assertThat(signed.headers()).containsEntry("X-Amz-Date", "20150830T123600Z")
                .containsEntry("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/"
                        + "aws4_request, SignedHeaders=content-type;host;x-amz-date, "
                        + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
    }

    static Stream<Arguments> requests() {
        AwsCredentials session = new AwsCredentials("ASIATESTKEY", "c2VjcmV0L2tleStwYXJ0", "IQoJb3JpZ2luX2VjEJr//token",
                null);
        AwsCredentials longTerm = new AwsCredentials("AKIATESTKEY", "another/secret+key", null, null);
        return Stream.of(
                Arguments.of("DynamoDB PutItem with a session token", "POST",
                        "https://dynamodb.eu-west-1.amazonaws.com/", Map.of("Content-Type",
                                "application/x-amz-json-1.0", "X-Amz-Target", "DynamoDB_20120810.PutItem"),
                        "{\"TableName\":\"t\",\"Item\":{\"id\":{\"S\":\"é & <x>\"}}}", "dynamodb", "eu-west-1",
                        session),
                Arguments.of("Secrets Manager on a local port", "POST", "http://127.0.0.1:8123/",
                        Map.of("Content-Type", "application/x-amz-json-1.1", "X-Amz-Target",
                                "secretsmanager.GetSecretValue"),
                        "{\"SecretId\":\"arn:aws:secretsmanager:us-east-1:1:secret:a\"}", "secretsmanager",
                        "us-east-1", longTerm),
                Arguments.of("a path needing encoding and an unsorted query", "GET",
                        "https://example.execute-api.us-east-1.amazonaws.com/stage/a%20b/c:d?z=1&a=%2F&b=two%20words",
                        Map.of("Accept", "application/json", "X-Custom", "  spaced   value  "), "", "execute-api",
                        "us-east-1", session));
    }

    /**
     * Our signature equals the AWS SDK's own signer's. The SDK's standalone signer always signs an
     * {@code x-amz-content-sha256} header, so both sides get one; it is signed like any other header.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void signsExactlyLikeTheSdk(String name, String method, String uri, Map<String, String> callHeaders, String body,
                                String service, String region, AwsCredentials credentials) {
        Map<String, String> headers = new HashMap<>(callHeaders);
        headers.put("x-amz-content-sha256", SigV4.hex(SigV4.sha256(body.getBytes(StandardCharsets.UTF_8))));
        HttpCall call = new HttpCall(method, URI.create(uri), headers, body.getBytes(StandardCharsets.UTF_8),
                TIMEOUT);

        HttpCall ours = SigV4.sign(call, service, region, credentials, NOW);

        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method))
                .uri(URI.create(uri));
        headers.forEach(request::putHeader);
        AwsCredentialsIdentity identity = credentials.sessionToken() == null
                ? AwsCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey())
                : AwsSessionCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey(),
                        credentials.sessionToken());
        SignedRequest sdk = AwsV4HttpSigner.create().sign(r -> r.identity(identity).request(request.build())
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC)));

        assertThat(ours.headers().get("Authorization"))
                .isEqualTo(sdk.request().firstMatchingHeader("Authorization").orElseThrow());
        assertThat(ours.headers().get("X-Amz-Date"))
                .isEqualTo(sdk.request().firstMatchingHeader("X-Amz-Date").orElseThrow());
        assertThat(ours.headers().get("X-Amz-Security-Token"))
                .isEqualTo(sdk.request().firstMatchingHeader("X-Amz-Security-Token").orElse(null));
    }

    @Test
    void theHostCarriesThePortOnlyWhenItIsNotTheDefault() {
        assertThat(SigV4.host(URI.create("https://dynamodb.us-east-1.amazonaws.com/")))
                .isEqualTo("dynamodb.us-east-1.amazonaws.com");
        assertThat(SigV4.host(URI.create("https://h.example:443/"))).isEqualTo("h.example");
        assertThat(SigV4.host(URI.create("http://127.0.0.1:8000/"))).isEqualTo("127.0.0.1:8000");
    }

    @Test
    void credentialsNeverPrintTheirSecrets() {
        AwsCredentials credentials = new AwsCredentials("ASIAPRINTABLE", "TOPSECRETKEY", "TOPSECRETTOKEN", null);

        assertThat(credentials.toString()).contains("ASIAPRINTABLE").doesNotContain("TOPSECRET");
    }
}
