package dev.securitywatch.remediation.result;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The result event detail exactly as the cross-module contract fixes it; absent values are explicit nulls. */
public final class ResultJson {
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ResultJson() {
    }

    public static ObjectNode detail(RemediationResult result) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("account", result.account());
        node.put("region", result.region());
        node.put("groupId", result.groupId());
        node.put("groupName", result.groupName());
        node.put("vpcId", result.vpcId());
        node.put("mode", result.mode().name());
        node.put("compliance", result.compliance().name());
        node.put("annotation", result.annotation());
        node.set("revoked", RuleJson.rules(result.revoked()));
        node.set("authorized", RuleJson.rules(result.authorized()));
        node.set("kept", RuleJson.kept(result.kept()));
        node.set("violations", RuleJson.rules(result.violations()));
        node.put("special", result.special().map(Enum::name).orElse(null));
        node.put("advice", result.advice().orElse(null));
        node.put("actor", result.actor().orElse(null));
        node.put("configurationItemCaptureTime", result.configurationItemCaptureTime() == null ? null
                : MILLIS.format(result.configurationItemCaptureTime().truncatedTo(ChronoUnit.MILLIS)));
        node.put("error", result.error().orElse(null));
        return node;
    }
}
