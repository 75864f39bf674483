package dev.securitywatch.notifier.cloudtrail;

import java.util.List;
import java.util.Set;

/**
 * Where a snapshot or image may be shared and stay inside: the member accounts, and the organization's other
 * accounts as far as they are known.
 *
 * @param members       this deployment's member accounts
 * @param organization  the organization's other accounts: the active accounts of the membership watch's inventory,
 *                      when it was used, and the configured ones ({@code alerts.organizationAccounts})
 * @param inventoryUsed whether the inventory was used; without it an account of the organization that is neither a
 *                      member nor configured cannot be told from one outside
 */
public record ShareScope(Set<String> members, Set<String> organization, boolean inventoryUsed) {

    /** Where an account a share adds stands, in words a reader of the alert understands. */
    public enum Place {
        MEMBER("member account"),
        ORGANIZATION("in the organization, not a member account"),
        OUTSIDE("outside the organization"),
        UNKNOWN("not a member or configured account; the organization's inventory is unavailable");

        private final String label;

        Place(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean inside() {
            return this == MEMBER || this == ORGANIZATION;
        }
    }

    /** One account a share adds, and where it stands. */
    public record Placed(String account, Place place) {
    }

    public ShareScope {
        members = Set.copyOf(members);
        organization = Set.copyOf(organization);
    }

    /** Only the configured accounts: the inventory is missing, unreadable or too old to trust. */
    public static ShareScope configured(Set<String> members, Set<String> configuredOrganization) {
        return new ShareScope(members, configuredOrganization, false);
    }

    public List<Placed> place(List<String> accounts) {
        return accounts.stream().map(account -> new Placed(account, placeOf(account))).toList();
    }

    private Place placeOf(String account) {
        if (members.contains(account)) {
            return Place.MEMBER;
        }
        if (organization.contains(account)) {
            return Place.ORGANIZATION;
        }
        return inventoryUsed ? Place.OUTSIDE : Place.UNKNOWN;
    }
}
