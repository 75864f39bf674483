package dev.securitywatch.indexer.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpAddressesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "203.0.113.7, true", "0.0.0.0, true", "255.255.255.255, true", "256.1.1.1, false", "1.2.3, false",
            "2001:db8::1, true", "::1, true", "::, true", "fe80::1:2:3:4:5, true",
            "2001:0db8:0000:0000:0000:0000:0000:0001, true", "::ffff:192.0.2.1, true",
            "2001:db8:::1, false", "2001:db8::1::2, false", "1:2:3:4:5:6:7:8:9, false", "gggg::1, false",
            "ec2.amazonaws.com, false", "AWS Internal, false", "'', false"})
    void recognisesIpLiteralsWithoutLookups(String value, boolean expected) {
        assertThat(IpAddresses.isIpLiteral(value)).isEqualTo(expected);
    }
}
