package dev.securitywatch.catalog;

/**
 * What makes an entry's alerts one group when a burst of them arrives together (always within one route, account and
 * category).
 */
public enum GroupBy {
    /** One group per actor: a Terraform run is one summary, and two people's changes never merge. The default. */
    ACTOR,
    /**
     * One group per account whoever acts: for what an attacker spreads over many identities, such as failed
     * sign-ins across user names (password spraying), which per actor would be many small messages.
     */
    ACCOUNT
}
