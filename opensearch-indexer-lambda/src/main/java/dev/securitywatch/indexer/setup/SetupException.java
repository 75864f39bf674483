package dev.securitywatch.indexer.setup;

/** Setup could not finish; in the custom resource it fails the deployment, which is what an operator should see. */
public class SetupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SetupException(String message) {
        super(message);
    }
}
