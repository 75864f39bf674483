package dev.securitywatch.awslite;

/** Where signing credentials come from; asked before every call, so an implementation caches and refreshes. */
@FunctionalInterface
public interface CredentialsSource {

    /** @throws AwsCallException when no credentials can be found or loaded */
    AwsCredentials credentials();
}
