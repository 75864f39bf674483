package dev.securitywatch.notifier.cloudtrail;

import static dev.securitywatch.lambdakit.json.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.catalog.Severity;
import dev.securitywatch.event.ActorType;
import dev.securitywatch.event.CloudTrailEvent;
import dev.securitywatch.notifier.securitygroup.PermissionChange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raises a CloudTrail event above its catalog severity when the request itself is worse than the kind of call:
 * internet ingress to admin or database ports, full admin rights granted, root activity, logging switched off, a
 * change to Security Watch's own resources. Refused calls changed nothing, so only root activity raises them.
 */
public final class SeverityRules {
    private static final Set<String> LOGGING_OFF = Set.of("StopLogging", "DeleteTrail");
    private static final Set<String> POLICY_ATTACH = Set.of("AttachUserPolicy", "AttachRolePolicy",
            "AttachGroupPolicy");
    private static final Set<String> INLINE_POLICY = Set.of("PutUserPolicy", "PutRolePolicy", "PutGroupPolicy",
            "CreatePolicyVersion", "CreatePolicy");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /**
     * A Security Watch resource's name as requests carry it, alone or as a part of an ARN: its stacks' generated
     * names ({@code SecurityWatch-Member-...-ForwardingRule0...}), its fixed ones ({@code security-watch-remediation-*})
     * and the default central bus ({@code security-watch}); not a look-alike such as {@code SecurityWatchdog}.
     */
    private static final Pattern OWN_NAME = Pattern.compile(
            "(?:^|[:/])((?i:security-?watch)(?:-[A-Za-z0-9._-]*)?)(?=$|[:/])");
    private static final String CLOUDFORMATION = "cloudformation.amazonaws.com";

    private SeverityRules() {
    }

    /** @param ownKeys the ARNs of Security Watch's own KMS keys */
    public static SeverityAssessment assess(Severity base, CloudTrailEvent event, List<PermissionChange> changes,
                                            Set<String> ownKeys) {
        List<String> reasons = new ArrayList<>();
        Severity severity = base;
        if (event.actor().type() == ActorType.ROOT && event.actor().invokedBy() == null) {
            reasons.add("root user activity");
            severity = Severity.CRITICAL;
        }
        if (!event.failed()) {
            for (PermissionChange change : changes) {
                if (change.opensToInternet() && change.reachesAdminOrDatabasePort()) {
                    reasons.add("internet ingress to an admin or database port: " + change.ports() + " from "
                            + change.peer().value());
                    severity = Severity.CRITICAL;
                } else if (change.opensToInternet()) {
                    reasons.add("internet ingress: " + change.ports() + " from " + change.peer().value());
                    severity = Severity.mostUrgent(severity, Severity.HIGH);
                }
            }
            if (grantsAdministratorAccess(event)) {
                reasons.add("full administrator rights granted");
                severity = Severity.CRITICAL;
            }
            if (LOGGING_OFF.contains(event.eventName()) && "cloudtrail.amazonaws.com".equals(event.eventSource())) {
                reasons.add("CloudTrail logging switched off");
                severity = Severity.CRITICAL;
            }
            Optional<String> own = ownResource(event).or(() -> ownKey(event, ownKeys));
            if (own.isPresent() && event.actor().type() != ActorType.AWS_SERVICE) {
                if (throughCloudFormation(event)) {
                    // A deployment changes these resources too: worth seeing, not worth a CRITICAL per resource.
                    reasons.add("changes Security Watch's own resource " + own.get() + " through CloudFormation");
                    severity = Severity.mostUrgent(severity, Severity.HIGH);
                } else {
                    reasons.add("changes Security Watch's own resource " + own.get());
                    severity = Severity.CRITICAL;
                }
            }
        }
        return new SeverityAssessment(severity, severity == base ? List.of() : reasons);
    }

    /** The first Security Watch resource the request names, in any string value of its parameters. */
    static Optional<String> ownResource(CloudTrailEvent event) {
        JsonNode request = event.requestParameters();
        if (request == null) {
            return Optional.empty();
        }
        List<JsonNode> pending = new ArrayList<>(List.of(request));
        while (!pending.isEmpty()) {
            JsonNode node = pending.remove(pending.size() - 1);
            if (node.isTextual()) {
                Matcher name = OWN_NAME.matcher(node.asText());
                if (name.find()) {
                    return Optional.of(name.group(1));
                }
            } else {
                node.elements().forEachRemaining(pending::add);
            }
        }
        return Optional.empty();
    }

    /**
     * One of Security Watch's own KMS keys, as a KMS request names it: its ARN or its bare key id ({@code keyId},
     * {@code KeyId} or {@code targetKeyId}). An alias could point anywhere, so only the key itself counts.
     */
    static Optional<String> ownKey(CloudTrailEvent event, Set<String> ownKeys) {
        if (ownKeys.isEmpty() || !"kms.amazonaws.com".equals(event.eventSource())) {
            return Optional.empty();
        }
        for (String field : List.of("keyId", "KeyId", "targetKeyId")) {
            String named = text(event.requestParameters(), field);
            if (named == null) {
                continue;
            }
            for (String key : ownKeys) {
                if (named.equals(key) || key.endsWith(":key/" + named)) {
                    return Optional.of("KMS key " + key.substring(key.lastIndexOf('/') + 1));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean throughCloudFormation(CloudTrailEvent event) {
        return CLOUDFORMATION.equals(event.actor().invokedBy()) || CLOUDFORMATION.equals(event.sourceIpAddress());
    }

    /** The AdministratorAccess managed policy, or an inline/new policy allowing {@code *} on {@code *}. */
    static boolean grantsAdministratorAccess(CloudTrailEvent event) {
        String name = event.eventName();
        JsonNode request = event.requestParameters();
        if (POLICY_ATTACH.contains(name)) {
            String arn = text(request, "policyArn");
            return arn != null && arn.endsWith(":policy/AdministratorAccess");
        }
        if (INLINE_POLICY.contains(name)) {
            return allowsEverything(text(request, "policyDocument"));
        }
        return false;
    }

    private static boolean allowsEverything(String policyDocument) {
        if (policyDocument == null) {
            return false;
        }
        JsonNode policy;
        try {
            policy = MAPPER.readTree(policyDocument);
        } catch (IOException e) {
            return false;
        }
        JsonNode statements = policy.path("Statement");
        List<JsonNode> list = new ArrayList<>();
        if (statements.isArray()) {
            statements.forEach(list::add);
        } else if (statements.isObject()) {
            list.add(statements);
        }
        return list.stream().anyMatch(s -> "Allow".equals(text(s, "Effect"))
                && containsStar(s.path("Action")) && containsStar(s.path("Resource")));
    }

    private static boolean containsStar(JsonNode node) {
        if (node.isTextual()) {
            return node.asText().equals("*");
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (item.isTextual() && item.asText().equals("*")) {
                    return true;
                }
            }
        }
        return false;
    }
}
