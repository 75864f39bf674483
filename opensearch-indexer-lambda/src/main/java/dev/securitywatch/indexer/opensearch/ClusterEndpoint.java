package dev.securitywatch.indexer.opensearch;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a cluster (or OpenSearch Dashboards) listens. An {@code https} endpoint is an Amazon OpenSearch Service
 * domain and gets SigV4-signed requests; an {@code http} endpoint is a local node and gets plain requests.
 *
 * @param hostAndPort e.g. {@code vpc-x.us-east-1.es.amazonaws.com} or {@code 127.0.0.1:9200}
 * @param pathPrefix  prepended to every request path, e.g. {@code /_dashboards}; empty for a cluster root
 */
public record ClusterEndpoint(boolean secure, String hostAndPort, String pathPrefix) {

    /** Parses an {@code http(s)://host[:port][/prefix]} URL; a bad URL is an {@link IllegalArgumentException}. */
    public static ClusterEndpoint parse(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("endpoint is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw new IllegalArgumentException("endpoint must start with https:// or http://, got '" + url + "'");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("endpoint has no host: '" + url + "'");
        }
        String host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new ClusterEndpoint("https".equals(scheme), host, path);
    }

    /** OpenSearch Dashboards on an Amazon OpenSearch Service domain lives under {@code /_dashboards}. */
    public ClusterEndpoint dashboards() {
        return new ClusterEndpoint(secure, hostAndPort, pathPrefix + "/_dashboards");
    }

    public String url() {
        return (secure ? "https://" : "http://") + hostAndPort + pathPrefix;
    }
}
