package dev.securitywatch.catalog;

import static dev.securitywatch.catalog.Category.SHARING;
import static dev.securitywatch.catalog.EntryBuilder.cloudTrail;
import static dev.securitywatch.catalog.EntryBuilder.inCategory;
import static dev.securitywatch.catalog.Severity.CRITICAL;
import static dev.securitywatch.catalog.Severity.HIGH;
import static dev.securitywatch.catalog.Severity.MEDIUM;

import java.util.List;
import java.util.Map;

/**
 * Data leaving by sharing: snapshots and images made public or shared with an account, RDS exports and copies.
 * Public ({@code all}) is CRITICAL, an account HIGH; the same call that only removes a share matches neither.
 */
final class SharingEntries {
    private static final Map<String, Object> TO_EVERYONE = Map.of("add", Map.of("items",
            Map.of("group", List.of("all"))));
    private static final Map<String, Object> TO_AN_ACCOUNT = Map.of("add", Map.of("items",
            Map.of("userId", List.of(Map.of("exists", true)))));

    static final List<CatalogEntry> ENTRIES = inCategory(SHARING,
            cloudTrail("ebs-snapshot-made-public", CRITICAL, "ec2").names("ModifySnapshotAttribute").succeeded()
                    .where("requestParameters", Map.of("createVolumePermission", TO_EVERYONE))
                    .title("EBS snapshot made public").resourceKind("EBS snapshot")
                    .reference("Panther aws_snapshot_made_public; Stratus aws.exfiltration.ec2-share-ebs-snapshot"),
            cloudTrail("ebs-snapshot-shared", HIGH, "ec2").names("ModifySnapshotAttribute").succeeded()
                    .where("requestParameters", Map.of("createVolumePermission", TO_AN_ACCOUNT))
                    .title("EBS snapshot shared with another account").resourceKind("EBS snapshot")
                    .reference("Panther aws_snapshot_made_public; Stratus aws.exfiltration.ec2-share-ebs-snapshot"),
            cloudTrail("ami-made-public", CRITICAL, "ec2").names("ModifyImageAttribute").succeeded()
                    .where("requestParameters", Map.of("launchPermission", TO_EVERYONE))
                    .title("AMI made public").resourceKind("AMI")
                    .reference("Panther aws_ami_modified_for_public_access; Stratus aws.exfiltration.ec2-share-ami"),
            cloudTrail("ami-shared", HIGH, "ec2").names("ModifyImageAttribute").succeeded()
                    .where("requestParameters", Map.of("launchPermission", TO_AN_ACCOUNT))
                    .title("AMI shared with another account").resourceKind("AMI")
                    .reference("Panther aws_ami_modified_for_public_access; Stratus aws.exfiltration.ec2-share-ami"),
            cloudTrail("rds-snapshot-made-public", CRITICAL, "rds")
                    .names("ModifyDBSnapshotAttribute", "ModifyDBClusterSnapshotAttribute").succeeded()
                    .where("requestParameters", Map.of("attributeName", List.of("restore"),
                            "valuesToAdd", List.of("all")))
                    .title("RDS snapshot made public").resourceKind("RDS snapshot")
                    .reference("Panther aws_rds_snapshot_shared; Stratus aws.exfiltration.rds-share-snapshot"),
            cloudTrail("rds-snapshot-shared", HIGH, "rds")
                    .names("ModifyDBSnapshotAttribute", "ModifyDBClusterSnapshotAttribute").succeeded()
                    .where("requestParameters", Map.of("attributeName", List.of("restore"),
                            "valuesToAdd", List.of(Map.of("anything-but", "all"))))
                    .title("RDS snapshot shared with another account").resourceKind("RDS snapshot")
                    .reference("Panther aws_rds_snapshot_shared; Stratus aws.exfiltration.rds-share-snapshot"),
            cloudTrail("rds-snapshot-export", HIGH, "rds").names("StartExportTask").succeeded()
                    .title("RDS snapshot exported to S3").resourceKind("RDS snapshot")
                    .reference("Panther aws_rds_snapshot_export"),
            // Only a copy from another region names its source by ARN with sourceRegion; a same-region copy is routine.
            cloudTrail("rds-snapshot-copy", MEDIUM, "rds").names("CopyDBSnapshot", "CopyDBClusterSnapshot")
                    .succeeded()
                    .where("requestParameters", Map.of("sourceRegion", List.of(Map.of("exists", true))))
                    .title("RDS snapshot copied across regions").resourceKind("RDS snapshot")
                    .reference("Panther aws_rds_snapshot_copied_cross_region"));

    private SharingEntries() {
    }
}
