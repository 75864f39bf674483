package dev.securitywatch.indexer.setup;

/** What setup did to one managed object. */
public record StepResult(String name, Change change, String detail) {
    public enum Change {
        CREATED, UPDATED, UNCHANGED,
        /** Not applicable here, e.g. the security plugin is not installed on a local node. */
        SKIPPED
    }

    public boolean changed() {
        return change == Change.CREATED || change == Change.UPDATED;
    }
}
