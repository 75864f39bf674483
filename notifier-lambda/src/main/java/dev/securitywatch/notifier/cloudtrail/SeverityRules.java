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
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import java.util.stream.Collectors;

/**
 * Raises a CloudTrail event above its catalog severity when the request itself is worse than the kind of call:
 * internet ingress to admin or database ports, full admin rights granted, root activity, logging switched off, a
 * change to Security Watch's own resources, a snapshot or image shared outside the organization; and lowers it to LOW
 * when the parameters make the call harmless: ingress from private networks only, a share that stays inside. Refused
 * calls changed nothing, so only root activity raises them.
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

    /**
     * @param ownKeys    the ARNs of Security Watch's own KMS keys
     * @param shareScope where a share stays inside; asked only for a snapshot or image share, since the answer may
     *                   cost a read of the membership watch's inventory
     */
    public static SeverityAssessment assess(Severity base, CloudTrailEvent event, List<PermissionChange> changes,
                                            Set<String> ownKeys, Supplier<ShareScope> shareScope) {
        List<String> reasons = new ArrayList<>();
        Severity severity = base;
        if (event.actor().type() == ActorType.ROOT && event.actor().invokedBy() == null) {
            reasons.add("root user activity");
            severity = Severity.CRITICAL;
        }
        List<String> added = event.failed() ? List.of() : sharedWith(event);
        List<ShareScope.Placed> shared = added.isEmpty() ? List.of() : shareScope.get().place(added);
        boolean sharedOutside = shared.stream().anyMatch(placed -> !placed.place().inside());
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
            if (sharedOutside) {
                reasons.add(outside(shared));
                severity = Severity.mostUrgent(severity, Severity.HIGH);
            }
        }
        if (!event.failed() && grantsBucketToEveryone(event)) {
            reasons.add("bucket policy allows * with no condition: anyone may use the bucket");
            severity = Severity.CRITICAL;
        }
        if (severity == base && !event.failed()) {
            Optional<String> benign = benign(changes, shared);
            if (benign.isPresent()) {
                return new SeverityAssessment(Severity.LOW, List.of(benign.get()), true, shared);
            }
        }
        // A share outside is held at HIGH even where the catalog already said HIGH: a deployment does not lower it.
        return new SeverityAssessment(severity, severity == base ? List.of() : reasons,
                severity != base || sharedOutside, shared);
    }

    /** The accounts a share reaches outside, and whether the organization's inventory could tell. */
    private static String outside(List<ShareScope.Placed> shared) {
        List<ShareScope.Placed> outside = shared.stream().filter(placed -> !placed.place().inside()).toList();
        return (outside.stream().allMatch(placed -> placed.place() == ShareScope.Place.OUTSIDE)
                ? "shared outside the organization: "
                : "shared outside the member and configured accounts (the organization's inventory is unavailable): ")
                + outside.stream().map(ShareScope.Placed::account).collect(Collectors.joining(", "));
    }

    /**
     * The same call with parameters that change its meaning: ingress from private networks only, a snapshot or
     * image shared only inside (with member accounts, or with the organization's accounts). Nothing else is lowered.
     */
    private static Optional<String> benign(List<PermissionChange> changes, List<ShareScope.Placed> shared) {
        if (!changes.isEmpty() && changes.stream().allMatch(PermissionChange::addsPrivateIngressOnly)) {
            return Optional.of("ingress from private networks only (" + changes.stream()
                    .map(change -> change.peer().value()).distinct().collect(Collectors.joining(", ")) + ")");
        }
        if (!shared.isEmpty() && shared.stream().allMatch(placed -> placed.place().inside())) {
            String accounts = shared.stream().map(ShareScope.Placed::account).collect(Collectors.joining(", "));
            return Optional.of(shared.stream().allMatch(placed -> placed.place() == ShareScope.Place.MEMBER)
                    ? "shared only with member accounts of this deployment (" + accounts + ")"
                    : "shared only inside the organization (" + accounts + ")");
        }
        return Optional.empty();
    }

    /** The accounts a snapshot or image share adds; empty when it adds none, or adds {@code all}. */
    static List<String> sharedWith(CloudTrailEvent event) {
        JsonNode request = event.requestParameters();
        List<String> accounts = new ArrayList<>();
        switch (event.eventName()) {
            case "ModifySnapshotAttribute", "ModifyImageAttribute" -> {
                JsonNode items = request.path(event.eventName().equals("ModifyImageAttribute") ? "launchPermission"
                        : "createVolumePermission").path("add").path("items");
                for (JsonNode item : items) {
                    if (item.has("group")) {
                        return List.of();
                    }
                    accounts.add(item.path("userId").asText(""));
                }
            }
            case "ModifyDBSnapshotAttribute", "ModifyDBClusterSnapshotAttribute" ->
                    request.path("valuesToAdd").forEach(value -> accounts.add(value.asText("")));
            default -> {
                return List.of();
            }
        }
        return accounts.contains("all") || accounts.contains("") ? List.of() : accounts;
    }

    /** An S3 bucket policy with an Allow statement for {@code *} (or {@code {"AWS": "*"}}) and no condition. */
    static boolean grantsBucketToEveryone(CloudTrailEvent event) {
        if (!"PutBucketPolicy".equals(event.eventName())) {
            return false;
        }
        return statements(event.requestParameters().path("bucketPolicy")).stream()
                .anyMatch(statement -> "Allow".equals(text(statement, "Effect"))
                        && isEveryone(statement.path("Principal")) && statement.path("Condition").isMissingNode());
    }

    /**
     * A policy's statements, whether CloudTrail recorded the policy as JSON or as a JSON string, and whether
     * {@code Statement} is one object or a list; none when the policy cannot be read.
     */
    private static List<JsonNode> statements(JsonNode policy) {
        JsonNode document = policy;
        if (policy.isTextual()) {
            try {
                document = MAPPER.readTree(policy.asText());
            } catch (IOException e) {
                return List.of();
            }
        }
        JsonNode statements = document.path("Statement");
        List<JsonNode> list = new ArrayList<>();
        if (statements.isArray()) {
            statements.forEach(list::add);
        } else if (statements.isObject()) {
            list.add(statements);
        }
        return list;
    }

    private static boolean isEveryone(JsonNode principal) {
        return principal.isTextual() && principal.asText().equals("*")
                || principal.path("AWS").isTextual() && principal.path("AWS").asText().equals("*")
                || principal.path("AWS").isArray() && StreamSupport.stream(
                        principal.path("AWS").spliterator(), false).anyMatch(p -> p.asText().equals("*"));
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
            return allowsEverything(request.path("policyDocument"));
        }
        return false;
    }

    private static boolean allowsEverything(JsonNode policyDocument) {
        return statements(policyDocument).stream().anyMatch(s -> "Allow".equals(text(s, "Effect"))
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
