package dev.securitywatch.notifier.dedup;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The two attribute shapes the notifier's tables use. */
final class Attributes {
    private Attributes() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
