package dev.securitywatch.remediation.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one security-group id form, and that every setting naming a group is held to it. */
class SecurityGroupIdTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<Arguments> ids() {
        return Stream.of(
                Arguments.of("sg-0123abcd", true, "8 hex digits (older ids)"),
                Arguments.of("sg-0123456789abcdef0", true, "17 hex digits"),
                Arguments.of("sg-ffffffff", true, "8 hex, letters only"),
                Arguments.of("sg-00000000000000000", true, "17 hex, digits only"),
                Arguments.of("sg-0123ABCD", false, "upper-case hex, 8"),
                Arguments.of("sg-0123456789ABCDEF0", false, "upper-case hex, 17"),
                Arguments.of("SG-0123456789abcdef0", false, "upper-case prefix"),
                Arguments.of("sg-0123abc", false, "7 hex"),
                Arguments.of("sg-0123abcd0", false, "9 hex"),
                Arguments.of("sg-0123456789abcdef", false, "16 hex"),
                Arguments.of("sg-0123456789abcdef01", false, "18 hex"),
                Arguments.of("sg-nothex", false, "not hex"),
                Arguments.of("sg-0123456g", false, "8 characters, one not hex"),
                Arguments.of("sg-", false, "no digits"),
                Arguments.of("", false, "empty"),
                Arguments.of("sg-0123456789abcdef0 ", false, "trailing space"),
                Arguments.of(" sg-0123456789abcdef0", false, "leading space"),
                Arguments.of("sg-0123456789abcdef0\n", false, "trailing newline"),
                Arguments.of("sgx-0123456789abcdef0", false, "look-alike prefix sgx-"),
                Arguments.of("sg_0123456789abcdef0", false, "underscore instead of dash"),
                Arguments.of("xsg-0123abcd", false, "text before the prefix"),
                Arguments.of("sg-0123abcd,sg-0123abcd", false, "two ids in one string"),
                Arguments.of("vpc-0123456789abcdef0", false, "another resource's id"),
                Arguments.of("111111111111/sg-0123abcd", false, "an allow-list source, not an id"));
    }

    @ParameterizedTest(name = "{2}: \"{0}\" -> {1}")
    @MethodSource("ids")
    void oneFormForEveryId(String id, boolean valid, String why) {
        assertThat(SecurityGroupId.isValid(id)).as(why).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{2}: exemptSecurityGroupIds [\"{0}\"] -> {1}")
    @MethodSource("ids")
    void exemptIdsUseIt(String id, boolean valid, String why) throws Exception {
        ObjectNode context = MAPPER.createObjectNode();
        context.putArray("exemptSecurityGroupIds").add(id);
        if (valid) {
            assertThat(PolicyParser.parse(context).exemptGroupIds()).containsExactly(id);
        } else {
            assertThatThrownBy(() -> PolicyParser.parse(context)).isInstanceOf(PolicyException.class)
                    .hasMessageStartingWith("exemptSecurityGroupIds[0]: expected a security group id such as"
                            + " sg-0123456789abcdef0, got " + MAPPER.writeValueAsString(id));
        }
    }

    @ParameterizedTest(name = "{2}: source \"{0}\" and \"222222222222/{0}\" -> {1}")
    @MethodSource("ids")
    void allowListSourcesUseIt(String id, boolean valid, String why) {
        if (!id.startsWith("sg-")) {
            return; // not read as a group reference at all; other sources are checked as CIDRs or prefix lists
        }
        for (String source : new String[] {id, "222222222222/" + id}) {
            JsonNode list = allowList(source);
            if (valid) {
                assertThat(PolicyParser.allowList(list).entries()).singleElement()
                        .satisfies(entry -> assertThat(entry.rule().source().value()).isEqualTo(source));
            } else {
                assertThatThrownBy(() -> PolicyParser.allowList(list)).isInstanceOf(PolicyException.class)
                        .hasMessageStartingWith("ingressAllowList[0].source: expected");
            }
        }
    }

    @Test
    void theMessagesNameTheForm() {
        assertThat(SecurityGroupId.EXPECTED).contains("sg-0123456789abcdef0");
        assertThat(SecurityGroupId.FORM).contains("8 or 17 lowercase hex digits");
        assertThat(SecurityGroupId.isValid(null)).isFalse();
    }

    private static JsonNode allowList(String source) {
        return MAPPER.createArrayNode().add(MAPPER.createObjectNode().put("protocol", "tcp").put("fromPort", 443)
                .put("source", source));
    }
}
