package dev.securitywatch.indexer.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.aws.AwsSdk2Transport;
import org.opensearch.client.transport.aws.AwsSdk2TransportOptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Builds the one transport the module uses: {@code AwsSdk2Transport} (service {@code es}) over the SDK's
 * url-connection client. Timeouts are short so an unreachable domain (a missing 443 rule) fails fast and the
 * retry path takes over, instead of the Lambda timing out.
 */
public final class OpenSearchTransports {
    private static final String SIGNING_SERVICE = "es";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    /** A local node ignores signatures; fixed fake keys keep the local path free of any credential lookup. */
    private static final AwsCredentialsProvider LOCAL_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private OpenSearchTransports() {
    }

    public static OpenSearchTransport open(ClusterEndpoint endpoint, Region region, ObjectMapper mapper) {
        SdkHttpClient http = UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(READ_TIMEOUT)
                .build();
        AwsSdk2TransportOptions options = AwsSdk2TransportOptions.builder()
                .setCredentials(endpoint.secure() ? DefaultCredentialsProvider.builder().build() : LOCAL_CREDENTIALS)
                .setMapper(new JacksonJsonpMapper(mapper))
                // No gzip: inside the VPC bandwidth is plentiful and Lambda CPU is not (measured in bench/indexer).
                .setRequestCompressionSize(Integer.MAX_VALUE)
                .setResponseCompression(false)
                .build();
        return new AwsSdk2Transport(endpoint.secure() ? http : new PlainHttpClient(http), endpoint.hostAndPort(),
                SIGNING_SERVICE, region, options);
    }
}
