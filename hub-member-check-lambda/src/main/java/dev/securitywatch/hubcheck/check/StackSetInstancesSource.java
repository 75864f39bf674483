package dev.securitywatch.hubcheck.check;

import dev.securitywatch.lambdakit.organization.OrganizationInventory.StackSetInstances;
import java.util.List;
import java.util.Optional;

/**
 * Port: the organization StackSet's stack instances, for the inventory. A StackSet that cannot be read is an answer
 * too ({@link StackSetInstances#unreadable()}), never an exception: the coverage check lists it as not checked, and
 * the rest of the run goes on.
 */
@FunctionalInterface
public interface StackSetInstancesSource {
    StackSetInstances read();

    /** A StackSet this account cannot read, for a reason known before any call (e.g. administered elsewhere). */
    static StackSetInstancesSource unreadable(String stackSetName, String reason) {
        StackSetInstances answer = new StackSetInstances(stackSetName, List.of(), Optional.of(reason));
        return () -> answer;
    }
}
