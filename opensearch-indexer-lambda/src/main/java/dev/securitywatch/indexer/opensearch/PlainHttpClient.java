package dev.securitywatch.indexer.opensearch;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Sends the transport's requests over plain HTTP. {@code AwsSdk2Transport} always builds {@code https://} URLs; for a
 * local node this client rewrites the scheme, so local runs use the very same transport as Lambda without pulling
 * in a second HTTP stack. The SigV4 header it still carries is ignored by a node without the security plugin.
 */
final class PlainHttpClient implements SdkHttpClient {
    private final SdkHttpClient delegate;

    PlainHttpClient(SdkHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        HttpExecuteRequest.Builder plain = HttpExecuteRequest.builder()
                .request(request.httpRequest().toBuilder().protocol("http").build());
        request.contentStreamProvider().ifPresent(plain::contentStreamProvider);
        request.metricCollector().ifPresent(plain::metricCollector);
        return delegate.prepareRequest(plain.build());
    }

    @Override
    public String clientName() {
        return "plain-" + delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
