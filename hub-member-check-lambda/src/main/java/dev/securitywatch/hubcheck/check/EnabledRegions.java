package dev.securitywatch.hubcheck.check;

import java.util.List;

/** Port: the regions an account of the organization has enabled (opt-in regions included once enabled). */
@FunctionalInterface
public interface EnabledRegions {
    /** @throws DependencyFailure when the account's regions cannot be read */
    List<String> enabledRegions(String accountId);
}
