package dev.securitywatch.catalog;

import static dev.securitywatch.catalog.Category.DATA_PROTECTION;
import static dev.securitywatch.catalog.Severity.HIGH;
import static dev.securitywatch.catalog.Severity.MEDIUM;
import static dev.securitywatch.catalog.EntryBuilder.cloudTrail;
import static dev.securitywatch.catalog.EntryBuilder.inCategory;

import java.util.List;
import java.util.Map;

/** Data protection: KMS and S3. */
final class DataProtectionEntries {
    static final List<CatalogEntry> ENTRIES = inCategory(DATA_PROTECTION,
            cloudTrail("kms-key-disable-or-deletion", HIGH, "kms")
                    .names("DisableKey", "ScheduleKeyDeletion")
                    .title("KMS key disabled or scheduled for deletion")
                    .reference("CIS CloudWatch.7 (4.7)"),
            cloudTrail("kms-key-policy-change", MEDIUM, "kms")
                    .names("PutKeyPolicy")
                    .title("KMS key policy changed")
                    .reference("research note: key policy grants outlive IAM changes"),
            cloudTrail("s3-bucket-policy-change", MEDIUM, "s3")
                    .names("PutBucketAcl", "PutBucketPolicy", "PutBucketCors", "PutBucketLifecycle",
                            "PutBucketReplication", "DeleteBucketPolicy", "DeleteBucketCors",
                            "DeleteBucketLifecycle", "DeleteBucketReplication")
                    .title("S3 bucket policy or ACL changed")
                    .reference("CIS CloudWatch.8 (4.8)"),
            cloudTrail("s3-public-access-block-change", HIGH, "s3")
                    .names("PutBucketPublicAccessBlock", "DeleteBucketPublicAccessBlock")
                    .title("S3 Block Public Access changed")
                    .reference("research note: removing Block Public Access precedes data exposure"),
            cloudTrail("s3-account-public-access-block-change", HIGH, "s3")
                    .names("PutAccountPublicAccessBlock", "DeleteAccountPublicAccessBlock").succeeded()
                    .title("S3 account-level Block Public Access changed").resourceKind("S3 account settings")
                    .reference("Panther aws_s3_delete_public_access_block; Security Hub control S3.1"),
            cloudTrail("s3-versioning-suspended", HIGH, "s3").names("PutBucketVersioning").succeeded()
                    .where("requestParameters", Map.of("VersioningConfiguration",
                            Map.of("Status", List.of("Suspended"))))
                    .title("S3 bucket versioning suspended").resourceKind("S3 bucket")
                    .reference("Panther aws_s3_suspend_versioning"),
            cloudTrail("s3-mfa-delete-disabled", MEDIUM, "s3").names("PutBucketVersioning").succeeded()
                    .where("requestParameters", Map.of("VersioningConfiguration",
                            Map.of("MfaDelete", List.of("Disabled"))))
                    .title("S3 MFA delete turned off").resourceKind("S3 bucket")
                    .reference("Panther aws_s3_disable_mfa_delete"),
            cloudTrail("s3-default-encryption-deleted", HIGH, "s3").names("DeleteBucketEncryption").succeeded()
                    .title("S3 bucket default encryption deleted").resourceKind("S3 bucket")
                    .reference("Panther aws_s3_delete_bucket_encryption"),
            cloudTrail("s3-access-logging-disabled", MEDIUM, "s3").names("PutBucketLogging").succeeded()
                    // A status with no target: logging switched off (a request without any status changed nothing).
                    .where("requestParameters", Map.of("BucketLoggingStatus", Map.of(
                            "xmlns", List.of(Map.of("exists", true)),
                            "LoggingEnabled", Map.of("TargetBucket", List.of(Map.of("exists", false))))))
                    .title("S3 server access logging turned off").resourceKind("S3 bucket")
                    .reference("Panther aws_s3_disable_bucket_logging, aws_s3_security_control_disabling"),
            cloudTrail("s3-object-lock-change", MEDIUM, "s3").names("PutObjectLockConfiguration").succeeded()
                    .title("S3 Object Lock configuration changed").resourceKind("S3 bucket")
                    .reference("research note: Object Lock is what keeps backups from a ransomware delete"),
            cloudTrail("s3-bucket-deleted", MEDIUM, "s3").names("DeleteBucket").succeeded()
                    .title("S3 bucket deleted").resourceKind("S3 bucket")
                    .reference("Panther aws_s3_bucket_deleted"),
            cloudTrail("kms-key-material-imported", MEDIUM, "kms").names("ImportKeyMaterial").succeeded()
                    .title("KMS key material imported").resourceKind("KMS key")
                    .reference("research note: imported material can be deleted at will, destroying the data;"
                            + " Sigma aws_kms_import_key_material"),
            cloudTrail("kms-key-material-deleted", HIGH, "kms").names("DeleteImportedKeyMaterial").succeeded()
                    .title("KMS imported key material deleted").resourceKind("KMS key")
                    .reference("Sigma aws_kms_import_key_material: until the material is imported again, nothing"
                            + " encrypted under the key can be decrypted"));

    private DataProtectionEntries() {
    }
}
