package dev.securitywatch.remediation.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvocationParserTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final InvocationParser PARSER = new InvocationParser(MAPPER);
    private static final String ITEM = "{\"configurationItem\":{\"resourceType\":\"AWS::EC2::SecurityGroup\","
            + "\"resourceId\":\"sg-1\",\"configurationItemStatus\":\"OK\",\"awsAccountId\":\"111111111111\","
            + "\"configurationItemCaptureTime\":\"2026-11-20T02:00:00Z\",\"tags\":{\"team\":\"web\"},"
            + "\"configuration\":{\"groupId\":\"sg-1\",\"tags\":[{\"key\":\"env\",\"value\":\"prod\"}]}},"
            + "\"messageType\":\"ConfigurationItemChangeNotification\"}";

    private static ConfigInvocation parse(String json) throws Exception {
        return PARSER.parse(MAPPER.readTree(json));
    }

    @Test
    void acceptsTheInvokingEventAsAnObjectAloneOrInsideSns() throws Exception {
        ConfigInvocation lambda = parse("{\"invokingEvent\":" + MAPPER.writeValueAsString(ITEM)
                + ",\"resultToken\":\"t\",\"accountId\":\"111111111111\",\"eventLeftScope\":false}");
        ConfigInvocation inline = parse("{\"invokingEvent\":" + ITEM + ",\"resultToken\":\"t\"}");
        ConfigInvocation alone = parse(ITEM);
        ConfigInvocation sns = parse("{\"Type\":\"Notification\",\"Message\":" + MAPPER.writeValueAsString(ITEM) + "}");
        for (ConfigInvocation invocation : new ConfigInvocation[] {lambda, inline, alone, sns}) {
            ConfigurationItem item = ((ConfigInvocation.ItemChange) invocation.trigger()).item();
            assertThat(item.resourceId()).isEqualTo("sg-1");
            assertThat(item.captureTime()).isEqualTo(Instant.parse("2026-11-20T02:00:00Z"));
        }
        assertThat(lambda.resultToken()).isEqualTo("t");
        ConfigurationItem item = ((ConfigInvocation.ItemChange) alone.trigger()).item();
        assertThat(SecurityGroupConfiguration.toSecurityGroup(item).tags())
                .isEqualTo(Map.of("team", "web", "env", "prod"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "[]                                                              | expected a JSON object",
            "{\"invokingEvent\": null}                                       | not a Config rule invocation: no invokingEvent",
            "{\"invokingEvent\": \"{oops\"}                                  | invokingEvent is not valid JSON",
            "{\"invokingEvent\": \"[1]\"}                                    | invokingEvent is not a JSON object",
            "{\"invokingEvent\": {}}                                         | unsupported Config messageType (missing)",
            "{\"messageType\": \"ConfigurationItemChangeNotification\"}      | ConfigurationItemChangeNotification without configurationItem",
            "{\"messageType\": \"OversizedConfigurationItemChangeNotification\", \"configurationItemSummary\": []} | OversizedConfigurationItemChangeNotification without configurationItemSummary",
            "{\"messageType\": \"ScheduledNotification\", \"notificationCreationTime\": \"yesterday\"} | notificationCreationTime is not an ISO-8601 time: yesterday",
            "{\"Type\": \"Notification\", \"Message\": \"not json\"}         | Message is not valid JSON",
    })
    void rejectsWithOneLine(String json, String message) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(InvalidInvocationException.class)
                .hasMessageStartingWith(message.trim())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
