package dev.securitywatch.remediation.result;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitywatch.remediation.plan.KeptRule;
import dev.securitywatch.remediation.rule.SgRule;
import java.util.Collection;

/** The shared RULE JSON shape of the result event and the CLI: protocol, ports and a typed source. */
public final class RuleJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RuleJson() {
    }

    public static ObjectNode rule(SgRule rule) {
        ObjectNode node = NODES.objectNode();
        node.put("protocol", rule.protocol());
        node.put("fromPort", rule.fromPort());
        node.put("toPort", rule.toPort());
        ObjectNode source = node.putObject("source");
        source.put("type", rule.source().type().wireName());
        source.put("value", rule.source().value());
        return node;
    }

    public static ArrayNode rules(Collection<SgRule> rules) {
        ArrayNode array = NODES.arrayNode();
        rules.forEach(rule -> array.add(rule(rule)));
        return array;
    }

    public static ArrayNode kept(Collection<KeptRule> kept) {
        ArrayNode array = NODES.arrayNode();
        for (KeptRule rule : kept) {
            ObjectNode node = array.addObject();
            node.set("rule", rule(rule.rule()));
            node.put("reason", rule.reason());
        }
        return array;
    }
}
