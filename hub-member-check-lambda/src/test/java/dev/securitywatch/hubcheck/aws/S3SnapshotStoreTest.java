package dev.securitywatch.hubcheck.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.securitywatch.hubcheck.check.DependencyFailure;
import dev.securitywatch.hubcheck.testing.LocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class S3SnapshotStoreTest {
    private static final String BUCKET = "security-watch-snapshots";
    private static final String KEY = "snapshots/2026/11/20/2026-11-20T02:00:00Z.json";
    /** S3 percent-encodes the colons of a key in a path. */
    private static final String KEY_PATH = "/" + BUCKET + "/snapshots/2026/11/20/2026-11-20T02%3A00%3A00Z.json";

    @RegisterExtension
    static final WireMockExtension S3 = WireMockExtension.newInstance().options(LocalAws.loopback()).build();

    private final S3SnapshotStore store = new S3SnapshotStore(LocalAws.s3(S3.baseUrl()), BUCKET);

    @Test
    void listsEveryKeyUnderThePrefixAcrossContinuationPages() {
        S3.stubFor(get(urlPathEqualTo("/" + BUCKET)).withQueryParam("list-type", equalTo("2"))
                .withQueryParam("prefix", equalTo("snapshots/"))
                .withQueryParam("continuation-token", absent())
                .willReturn(listing("<IsTruncated>true</IsTruncated>"
                        + contents("snapshots/2026/11/19/2026-11-19T02:00:00Z.json")
                        + contents("snapshots/2026/11/20/2026-11-20T02:00:00Z.json")
                        + "<NextContinuationToken>page+2/x=</NextContinuationToken>")));
        S3.stubFor(get(urlPathEqualTo("/" + BUCKET)).withQueryParam("list-type", equalTo("2"))
                .withQueryParam("continuation-token", equalTo("page+2/x="))
                .willReturn(listing("<IsTruncated>false</IsTruncated>"
                        + contents("snapshots/2026/11/23/2026-11-23T02:00:00Z.json"))));

        assertThat(store.keys("snapshots/")).containsExactly(
                "snapshots/2026/11/19/2026-11-19T02:00:00Z.json",
                "snapshots/2026/11/20/2026-11-20T02:00:00Z.json",
                "snapshots/2026/11/23/2026-11-23T02:00:00Z.json");
    }

    @Test
    void readsAnObjectAsUtf8() {
        S3.stubFor(get(urlPathEqualTo(KEY_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("ETag", "\"abc\"")
                .withBody("{\"takenAt\":\"2026-11-20T02:00:00Z\",\"regions\":{},\"note\":\"Ünïcode\"}")));

        assertThat(store.read(KEY)).contains("Ünïcode");
    }

    @Test
    void writesTheSnapshotAsJson() {
        S3.stubFor(put(urlPathEqualTo(KEY_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("ETag", "\"abc\"")));

        store.write(KEY, "{\"takenAt\":\"2026-11-20T02:00:00Z\",\"regions\":{}}");

        S3.verify(putRequestedFor(urlPathEqualTo(KEY_PATH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(containing("{\"takenAt\":\"2026-11-20T02:00:00Z\",\"regions\":{}}")));
    }

    @Test
    void aMissingObjectIsAOneLineFailure() {
        S3.stubFor(get(urlPathEqualTo(KEY_PATH)).willReturn(error(404, "NoSuchKey",
                "The specified key does not exist.")));

        assertThatThrownBy(() -> store.read(KEY)).isInstanceOf(DependencyFailure.class)
                .hasMessage("S3 GetObject s3://" + BUCKET + "/" + KEY + " failed: NoSuchKey (HTTP 404): The"
                        + " specified key does not exist.");
    }

    @Test
    void aDeniedListingIsAOneLineFailure() {
        S3.stubFor(get(urlPathEqualTo("/" + BUCKET)).willReturn(error(403, "AccessDenied", "Access Denied")));

        assertThatThrownBy(() -> store.keys("snapshots/")).isInstanceOf(DependencyFailure.class)
                .hasMessage("S3 ListObjectsV2 s3://" + BUCKET + "/snapshots/ failed: AccessDenied (HTTP 403):"
                        + " Access Denied");
    }

    @Test
    void aDeniedWriteIsAOneLineFailure() {
        S3.stubFor(put(urlPathEqualTo(KEY_PATH)).willReturn(error(403, "AccessDenied", "Access Denied")));

        assertThatThrownBy(() -> store.write(KEY, "{}")).isInstanceOf(DependencyFailure.class)
                .hasMessageStartingWith("S3 PutObject s3://" + BUCKET + "/" + KEY + " failed: AccessDenied");
    }

    @Test
    void namesLocationsAsS3Urls() {
        assertThat(store.location(KEY)).isEqualTo("s3://" + BUCKET + "/" + KEY);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder listing(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/xml")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                        + "<Name>" + BUCKET + "</Name><Prefix>snapshots/</Prefix><MaxKeys>1000</MaxKeys>"
                        + body + "</ListBucketResult>");
    }

    private static String contents(String key) {
        return "<Contents><Key>" + key + "</Key><LastModified>2026-11-20T02:00:01.000Z</LastModified>"
                + "<ETag>&quot;abc&quot;</ETag><Size>120</Size><StorageClass>STANDARD</StorageClass></Contents>";
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, String code,
                                                                                          String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/xml")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                        + message + "</Message><RequestId>4442587FB7D0A2F9</RequestId>"
                        + "<HostId>local</HostId></Error>");
    }
}
