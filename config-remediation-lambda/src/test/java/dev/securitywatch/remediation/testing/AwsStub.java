package dev.securitywatch.remediation.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.securitywatch.remediation.aws.AwsClients;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A WireMock server on 127.0.0.1 speaking the wire protocols of the three services: EC2 Query/XML (matched on the
 * form field {@code Action}), and the JSON 1.1 protocol of Config and EventBridge (matched on {@code X-Amz-Target}).
 */
public final class AwsStub implements AutoCloseable {
    public static final String EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static final String JSON_11 = "application/x-amz-json-1.1";

    private final WireMockServer server;

    public AwsStub() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    public WireMockServer server() {
        return server;
    }

    public AwsClients clients() {
        return new AwsClients(Region.EU_WEST_1, URI.create(server.baseUrl()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "test-secret")));
    }

    public static MappingBuilder ec2(String action) {
        return post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
    }

    public static MappingBuilder config(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("StarlingDoveService." + operation));
    }

    public static MappingBuilder events(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSEvents." + operation));
    }

    public static ResponseDefinitionBuilder xml(String action, String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + action + "Response xmlns=\"" + EC2_NS
                        + "\"><requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>" + body + "</" + action
                        + "Response>");
    }

    public static ResponseDefinitionBuilder ec2Error(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml;charset=UTF-8")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + code
                        + "</Code><Message>" + message + "</Message></Error></Errors>"
                        + "<RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>");
    }

    public static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", JSON_11).withBody(body);
    }

    public static ResponseDefinitionBuilder jsonError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", JSON_11)
                .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
    }

    /** Every request the stub received for one EC2 action, oldest first. */
    public List<LoggedRequest> ec2Requests(String action) {
        return server.findAll(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=" + action + "&")));
    }

    public List<LoggedRequest> jsonRequests(String target) {
        return server.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(target)));
    }

    @Override
    public void close() {
        server.stop();
    }
}
