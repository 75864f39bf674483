package dev.securitywatch.indexer.setup;

import java.util.List;

/**
 * What setup needs to know about the deployment.
 *
 * @param retentionDays    ISM deletes a monthly index this many days after its creation
 * @param indexerRoleArn   the indexer Lambda's IAM role, mapped to the indexer's OpenSearch role; null skips it
 * @param auditorRoleArns  IAM roles mapped to the auditors' read-only role; empty skips the mapping
 */
public record SetupSettings(int retentionDays, String indexerRoleArn, List<String> auditorRoleArns) {
    public static final int DEFAULT_RETENTION_DAYS = 400;

    public SetupSettings {
        if (retentionDays < 1) {
            throw new IllegalArgumentException("retention days must be at least 1, got " + retentionDays);
        }
        auditorRoleArns = List.copyOf(auditorRoleArns);
    }
}
