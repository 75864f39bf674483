package dev.securitywatch.event;

import java.util.Arrays;

/** CloudTrail {@code userIdentity.type}, plus the cases where it is missing or unfamiliar. */
public enum ActorType {
    IAM_USER("IAMUser"),
    ASSUMED_ROLE("AssumedRole"),
    ROOT("Root"),
    AWS_SERVICE("AWSService"),
    FEDERATED_USER("FederatedUser"),
    SAML_USER("SAMLUser"),
    WEB_IDENTITY_USER("WebIdentityUser"),
    IDENTITY_CENTER_USER("IdentityCenterUser"),
    AWS_ACCOUNT("AWSAccount"),
    UNKNOWN("Unknown"),
    MISSING("(no identity)");

    private final String cloudTrailName;

    ActorType(String cloudTrailName) {
        this.cloudTrailName = cloudTrailName;
    }

    public String cloudTrailName() {
        return cloudTrailName;
    }

    static ActorType of(String cloudTrailName) {
        return Arrays.stream(values()).filter(t -> t.cloudTrailName.equals(cloudTrailName)).findFirst()
                .orElse(UNKNOWN);
    }
}
