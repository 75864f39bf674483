package dev.securitywatch.notifier.render;

/**
 * Where the organization StackSet has a member: its members are not configured one by one, so the membership watch's
 * inventory says where its remediation role is this project's automation. Asked only for an event of that role.
 */
@FunctionalInterface
public interface StackSetInstances {
    /** No StackSet, or no inventory to trust: its remediation role reads as a person. */
    StackSetInstances NONE = (account, region) -> false;

    boolean has(String account, String region);
}
