package dev.securitywatch.remediation.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SgRuleTest {

    @ParameterizedTest(name = "{0} {1}-{2} from {3} -> {4}")
    @CsvSource(nullValues = "null", value = {
            "tcp, 22, 22, 0.0.0.0/0, tcp/22 from 0.0.0.0/0",
            "6, 22, 22, 0.0.0.0/0, tcp/22 from 0.0.0.0/0",
            "TCP, 8000, 8080, 10.1.2.3/16, tcp/8000-8080 from 10.1.0.0/16",
            "17, 53, 53, 10.0.0.0/8, udp/53 from 10.0.0.0/8",
            "-1, null, null, 0.0.0.0/0, all traffic from 0.0.0.0/0",
            "all, -1, -1, ::/0, all traffic from ::/0",
            "1, -1, -1, 0.0.0.0/0, icmp from 0.0.0.0/0",
            "icmp, 8, -1, 0.0.0.0/0, icmp/8 from 0.0.0.0/0",
            "58, 128, 0, 2001:DB8:0:0:0:0:0:0/32, icmpv6/128:0 from 2001:db8::/32",
            "47, null, null, 10.0.0.0/8, protocol 47 from 10.0.0.0/8",
            "tcp, null, null, 10.0.0.0/8, tcp/0-65535 from 10.0.0.0/8",
            "tcp, 443, 443, pl-63a5400a, tcp/443 from pl-63a5400a",
            "tcp, 5432, 5432, sg-0abc, tcp/5432 from sg-0abc",
            "tcp, 5432, 5432, 222222222222/sg-0abc, tcp/5432 from 222222222222/sg-0abc",
    })
    void canonicalises(String protocol, Integer from, Integer to, String source, String described) {
        assertThat(rule(protocol, from, to, source).describe()).isEqualTo(described);
    }

    @Test
    void protocolNumbersAndNamesAreTheSameRule() {
        assertThat(rule("6", 443, 443, "0.0.0.0/0")).isEqualTo(rule("tcp", 443, 443, "0.0.0.0/0"));
        assertThat(rule("-1", 0, 65535, "10.0.0.0/8")).isEqualTo(rule("-1", null, null, "10.0.0.0/8"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0.0.0.0/0, 0.0.0.0/0",
            "10.1.2.3/8, 10.0.0.0/8",
            "192.168.1.1/32, 192.168.1.1/32",
            "::/0, ::/0",
            "2001:0db8:0000:0000:0001:0000:0000:0000/128, 2001:db8:0:0:1::/128",
            "2001:db8:0:0:1:0:0:1/64, 2001:db8::/64",
            "1:0:0:2:0:0:3:4/128, 1::2:0:0:3:4/128",
            "2001:db8:0:0:1:0:0:1/128, 2001:db8::1:0:0:1/128",
            "fe80::1/64, fe80::/64",
            "2001:db8:1:2:3:4:5:6/128, 2001:db8:1:2:3:4:5:6/128",
            "2001:db8::/32, 2001:db8::/32",
    })
    void cidrsAreCanonical(String input, String canonical) {
        assertThat(RuleSource.cidr(input).value()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.0", "10.0.0.256/8", "10.0.0.0/33", "1.2.3/8", "::1::/64", "2001:db8::/129", "xyz/8",
            "10.0.0.0/abc"})
    void rejectsInvalidCidrs(String input) {
        assertThatThrownBy(() -> RuleSource.cidr(input)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(input);
    }

    @ParameterizedTest
    @CsvSource({"tcp, 10, 5", "tcp, -1, 10", "udp, 0, 70000", "icmp, 300, 0", "gre, 0, 0", "256, 0, 0"})
    void rejectsInvalidRules(String protocol, int from, int to) {
        assertThatThrownBy(() -> rule(protocol, from, to, "0.0.0.0/0")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "tcp,443,443,0.0.0.0/0      | tcp,443,443,0.0.0.0/0      | true",
            "tcp,1024,65535,10.0.0.0/8  | tcp,8080,8080,10.2.0.0/16  | true",
            "tcp,1024,65535,10.0.0.0/8  | tcp,80,8080,10.2.0.0/16    | false",
            "tcp,443,443,10.0.0.0/8     | tcp,443,443,0.0.0.0/0      | false",
            "tcp,443,443,0.0.0.0/0      | udp,443,443,0.0.0.0/0      | false",
            "-1,-1,-1,10.0.0.0/8        | udp,53,53,10.1.1.1/32      | true",
            "tcp,0,65535,0.0.0.0/0      | -1,-1,-1,0.0.0.0/0         | false",
            "icmp,-1,-1,0.0.0.0/0       | icmp,8,0,0.0.0.0/0         | true",
            "icmp,8,-1,0.0.0.0/0        | icmp,3,4,0.0.0.0/0         | false",
            "tcp,443,443,::/0           | tcp,443,443,2001:db8::/32  | true",
            "tcp,443,443,0.0.0.0/0      | tcp,443,443,::/0           | false",
            "tcp,443,443,pl-1           | tcp,443,443,pl-1           | true",
            "tcp,443,443,pl-1           | tcp,443,443,pl-2           | false",
            "tcp,80,80,sg-1             | tcp,80,80,222222222222/sg-1| true",
            "tcp,80,80,222222222222/sg-1| tcp,80,80,sg-1             | false",
            "47,-1,-1,10.0.0.0/8        | 47,-1,-1,10.0.0.0/16       | true",
    })
    void coverage(String entry, String candidate, boolean covers) {
        assertThat(parse(entry).covers(parse(candidate))).isEqualTo(covers);
    }

    @Test
    void describesLongListsBriefly() {
        List<SgRule> rules = List.of(rule("tcp", 1, 1, "0.0.0.0/0"), rule("tcp", 2, 2, "0.0.0.0/0"),
                rule("tcp", 3, 3, "0.0.0.0/0"), rule("tcp", 4, 4, "0.0.0.0/0"));
        assertThat(SgRule.describeAll(rules, 2)).isEqualTo("tcp/1 from 0.0.0.0/0, tcp/2 from 0.0.0.0/0 and 2 more");
    }

    @Test
    void expandsOneBlockIntoOneRulePerSource() {
        PermissionBlock block = new PermissionBlock("tcp", 22, 22, List.of("0.0.0.0/0", "10.0.0.0/8"), List.of("::/0"),
                List.of("pl-1"), List.of(new PermissionBlock.GroupPair("sg-1", "111111111111"),
                new PermissionBlock.GroupPair("sg-2", "222222222222")));
        assertThat(block.expand("111111111111")).extracting(SgRule::describe).containsExactly(
                "tcp/22 from 0.0.0.0/0", "tcp/22 from 10.0.0.0/8", "tcp/22 from ::/0", "tcp/22 from pl-1",
                "tcp/22 from sg-1", "tcp/22 from 222222222222/sg-2");
    }

    private static SgRule parse(String spec) {
        String[] parts = spec.trim().split(",");
        return rule(parts[0], Integer.valueOf(parts[1]), Integer.valueOf(parts[2]), parts[3].trim());
    }

    /** {@code rule("tcp", 22, 22, "0.0.0.0/0")}; the source is read like an allow-list source. */
    static SgRule rule(String protocol, Integer from, Integer to, String source) {
        return SgRule.of(protocol, from, to, RuleSource.parse(source));
    }
}
