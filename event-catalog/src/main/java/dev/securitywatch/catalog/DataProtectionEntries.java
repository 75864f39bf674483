package dev.securitywatch.catalog;

import static dev.securitywatch.catalog.Category.DATA_PROTECTION;
import static dev.securitywatch.catalog.Severity.HIGH;
import static dev.securitywatch.catalog.Severity.MEDIUM;
import static dev.securitywatch.catalog.EntryBuilder.cloudTrail;
import static dev.securitywatch.catalog.EntryBuilder.inCategory;

import java.util.List;

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
                    .reference("research note: removing Block Public Access precedes data exposure"));

    private DataProtectionEntries() {
    }
}
