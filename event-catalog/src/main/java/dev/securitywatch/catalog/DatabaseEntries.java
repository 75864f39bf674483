package dev.securitywatch.catalog;

import static dev.securitywatch.catalog.Category.DATABASES;
import static dev.securitywatch.catalog.EntryBuilder.cloudTrail;
import static dev.securitywatch.catalog.EntryBuilder.inCategory;
import static dev.securitywatch.catalog.Severity.HIGH;
import static dev.securitywatch.catalog.Severity.LOW;
import static dev.securitywatch.catalog.Severity.MEDIUM;

import java.util.List;
import java.util.Map;

/** RDS and Aurora: exposure, lost protection, deletions, stopped activity streams and new credentials or roles. */
final class DatabaseEntries {
    static final List<CatalogEntry> ENTRIES = inCategory(DATABASES,
            cloudTrail("rds-made-public", HIGH, "rds")
                    .names("ModifyDBInstance", "CreateDBInstance", "RestoreDBInstanceFromDBSnapshot",
                            "RestoreDBInstanceToPointInTime", "RestoreDBInstanceFromS3").succeeded()
                    .where("requestParameters", Map.of("publiclyAccessible", List.of(true)))
                    .title("RDS instance made publicly accessible").resourceKind("RDS instance")
                    .reference("Panther aws_rds_instance_made_public, aws_rds_publicrestore"),
            cloudTrail("rds-deletion-protection-disabled", HIGH, "rds")
                    .names("ModifyDBInstance", "ModifyDBCluster").succeeded()
                    .where("requestParameters", Map.of("deletionProtection", List.of(false)))
                    .title("RDS deletion protection turned off").resourceKind("RDS database")
                    .reference("Panther aws_rds_deletion_protection_disabled"),
            cloudTrail("rds-deleted", HIGH, "rds")
                    .names("DeleteDBInstance", "DeleteDBCluster", "DeleteDBSnapshot", "DeleteDBClusterSnapshot",
                            "DeleteDBInstanceAutomatedBackup", "DeleteDBClusterAutomatedBackup").succeeded()
                    .title("RDS database, snapshot or automated backup deleted").resourceKind("RDS database")
                    .reference("Panther aws_rds_instance_deletion, aws_rds_snapshot_deleted,"
                            + " aws_rds_automated_backup_deleted"),
            cloudTrail("rds-activity-stream-stopped", HIGH, "rds").names("StopActivityStream").succeeded()
                    .title("RDS database activity stream stopped").resourceKind("RDS database")
                    .reference("Panther aws_rds_activity_stream_stopped"),
            cloudTrail("rds-master-password-changed", MEDIUM, "rds")
                    .names("ModifyDBInstance", "ModifyDBCluster").succeeded()
                    .where("requestParameters", Map.of("masterUserPassword", List.of(Map.of("exists", true))))
                    .title("RDS master password changed").resourceKind("RDS database")
                    .reference("Panther aws_rds_master_pass_updated"),
            cloudTrail("rds-iam-role-added", MEDIUM, "rds").names("AddRoleToDBCluster", "AddRoleToDBInstance")
                    .succeeded()
                    .title("IAM role added to an RDS database").resourceKind("RDS database")
                    .reference("Panther aws_rds_iam_role_added"),
            cloudTrail("rds-restored-public", HIGH, "rds")
                    .names("RestoreDBInstanceFromDBSnapshot", "RestoreDBInstanceToPointInTime",
                            "RestoreDBInstanceFromS3").succeeded()
                    .where("responseElements", Map.of("publiclyAccessible", List.of(true)))
                    .title("RDS instance restored as publicly accessible").resourceKind("RDS instance")
                    .reference("Panther aws_rds_publicrestore (the response says what the restore made)"),
            cloudTrail("rds-security-group-ingress", MEDIUM, "rds").names("AuthorizeDBSecurityGroupIngress")
                    .succeeded()
                    .title("RDS DB security group ingress authorized").resourceKind("RDS security group")
                    .reference("Panther aws_rds_security_group_ingress_authorized"),
            cloudTrail("rds-security-group-change", MEDIUM, "rds")
                    .names("CreateDBSecurityGroup", "DeleteDBSecurityGroup", "RevokeDBSecurityGroupIngress")
                    .succeeded()
                    .title("RDS DB security group created, deleted or ingress revoked")
                    .resourceKind("RDS security group")
                    .reference("Sigma aws_cloudtrail_security_group_change_rds"),
            cloudTrail("rds-snapshot-created", LOW, "rds").names("CreateDBSnapshot", "CreateDBClusterSnapshot")
                    .succeeded()
                    .title("RDS manual snapshot created").resourceKind("RDS snapshot")
                    .reference("Panther aws_rds_manual_snapshot_created: the first step of a snapshot exfiltration"),
            cloudTrail("rds-failover-or-reboot", LOW, "rds").names("FailoverDBCluster", "FailoverGlobalCluster",
                            "RebootDBInstance", "RebootDBCluster").succeeded()
                    .title("RDS database failed over or rebooted").resourceKind("RDS database")
                    .reference("Panther aws_rds_cluster_failover, aws_rds_instance_rebooted"));

    private DatabaseEntries() {
    }
}
