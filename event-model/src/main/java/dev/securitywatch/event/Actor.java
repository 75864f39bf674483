package dev.securitywatch.event;

import static dev.securitywatch.lambdakit.json.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who made a call, resolved for every CloudTrail identity type. {@link #name()} is never blank, so a message or
 * document always says something about the actor.
 *
 * @param rawType        {@code userIdentity.type} as logged (may be unfamiliar or absent)
 * @param name           a short human name: user name, {@code role/session}, service, or account
 * @param sessionName    the role session name for assumed roles and federated users
 * @param sourceIdentity {@code sourceIdentity}, which survives role chaining
 * @param invokedBy      the AWS service that made the call on the principal's behalf
 */
public record Actor(ActorType type, String rawType, String name, String arn, String accountId, String principalId,
                    String sessionName, String sourceIdentity, String invokedBy) {

    public static Actor from(JsonNode userIdentity) {
        return from(userIdentity, null);
    }

    /**
     * @param additionalEventData the record's {@code additionalEventData}: a sign-in names its Identity Center user
     *                            there ({@code UserName}) when the identity itself carries only an opaque id
     */
    public static Actor from(JsonNode userIdentity, JsonNode additionalEventData) {
        if (userIdentity == null || userIdentity.isNull() || userIdentity.isMissingNode() || !userIdentity.isObject()) {
            return new Actor(ActorType.MISSING, null, "unknown (no identity in the event)", null, null, null, null,
                    null, null);
        }
        String rawType = text(userIdentity, "type");
        ActorType type = rawType == null ? ActorType.UNKNOWN : ActorType.of(rawType);
        String arn = text(userIdentity, "arn");
        String accountId = text(userIdentity, "accountId");
        String principalId = text(userIdentity, "principalId");
        String invokedBy = text(userIdentity, "invokedBy");
        JsonNode sessionContext = userIdentity.path("sessionContext");
        String issuerName = text(sessionContext.path("sessionIssuer"), "userName");
        String sourceIdentity = firstNonBlank(text(sessionContext, "sourceIdentity"),
                text(userIdentity, "sourceIdentity"));
        String sessionName = null;
        String name;
        switch (type) {
            case IAM_USER -> name = firstNonBlank(text(userIdentity, "userName"), lastSegment(arn), principalId);
            case ASSUMED_ROLE -> {
                String role = firstNonBlank(issuerName, segmentAfter(arn, "assumed-role/", 0));
                sessionName = firstNonBlank(segmentAfter(arn, "assumed-role/", 1), afterColon(principalId));
                name = join(role, sessionName);
            }
            case ROOT -> name = "root" + (accountId == null ? "" : " (" + accountId + ")");
            case AWS_SERVICE -> name = firstNonBlank(invokedBy, principalId, "AWS service");
            case FEDERATED_USER -> {
                sessionName = firstNonBlank(segmentAfter(arn, "federated-user/", 0), afterColon(principalId));
                name = join(issuerName, sessionName);
            }
            case SAML_USER, WEB_IDENTITY_USER -> name = firstNonBlank(text(userIdentity, "userName"),
                    afterColon(principalId), text(userIdentity, "identityProvider"));
            // The person, wherever the event names them; the opaque user id only when nothing does.
            case IDENTITY_CENTER_USER -> name = firstNonBlank(text(userIdentity, "userName"), lastSegment(arn),
                    additionalEventData == null ? null : text(additionalEventData, "UserName"),
                    text(userIdentity.path("onBehalfOf"), "userId"), principalId);
            case AWS_ACCOUNT -> name = "account " + firstNonBlank(accountId, principalId, "unknown");
            default -> name = firstNonBlank(text(userIdentity, "userName"), lastSegment(arn), principalId, invokedBy);
        }
        if (name == null || name.isBlank()) {
            name = "unknown" + (rawType == null ? "" : " " + rawType);
        }
        return new Actor(type, rawType, name, arn, accountId, principalId, sessionName, sourceIdentity, invokedBy);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String join(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + "/" + second;
    }

    private static String lastSegment(String arn) {
        if (arn == null) {
            return null;
        }
        int slash = arn.lastIndexOf('/');
        return slash >= 0 && slash < arn.length() - 1 ? arn.substring(slash + 1) : null;
    }

    /** The n-th '/'-separated segment after the marker: "assumed-role/Role/session" gives Role (0), session (1). */
    private static String segmentAfter(String arn, String marker, int index) {
        if (arn == null) {
            return null;
        }
        int at = arn.indexOf(marker);
        if (at < 0) {
            return null;
        }
        String[] parts = arn.substring(at + marker.length()).split("/", -1);
        return index < parts.length && !parts[index].isBlank() ? parts[index] : null;
    }

    private static String afterColon(String principalId) {
        if (principalId == null) {
            return null;
        }
        int colon = principalId.indexOf(':');
        return colon >= 0 && colon < principalId.length() - 1 ? principalId.substring(colon + 1) : null;
    }
}
