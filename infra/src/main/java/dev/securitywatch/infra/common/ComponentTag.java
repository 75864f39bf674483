package dev.securitywatch.infra.common;

/** The tag on every Security Watch resource; IAM conditions and remediation use it to recognise the project's own. */
public final class ComponentTag {
    public static final String KEY = "security-watch:component";

    private ComponentTag() {
    }
}
