package dev.securitywatch.notifier.bucket;

import dev.securitywatch.lambdakit.organization.OrganizationInventory;
import dev.securitywatch.lambdakit.organization.OrganizationInventoryJson;
import dev.securitywatch.lambdakit.organization.OrganizationInventoryJson.InventoryFormatException;
import dev.securitywatch.notifier.service.CoverageReports;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The membership watch's bucket: it writes the organization's inventory there, the coverage check and the share
 * severity read it, and the coverage check keeps its reports beside it. Encryption is the bucket's default KMS key,
 * so no request names one.
 */
public final class S3CoverageReports implements CoverageReports {
    /**
     * The whole read of the inventory, retries included: a share's alert waits for it (once an hour), and a small
     * object in a healthy bucket takes well under a second.
     */
    static final Duration INVENTORY_TIMEOUT = Duration.ofSeconds(3);

    private final S3Client s3;
    private final String bucket;
    private final OrganizationInventoryJson json;

    public S3CoverageReports(S3Client s3, String bucket, OrganizationInventoryJson json) {
        this.s3 = s3;
        this.bucket = bucket;
        this.json = json;
    }

    @Override
    public Optional<OrganizationInventory> inventory() {
        String text;
        try {
            text = s3.getObjectAsBytes(request -> request.bucket(bucket).key(OrganizationInventory.KEY)
                    .overrideConfiguration(call -> call.apiCallTimeout(INVENTORY_TIMEOUT))).asUtf8String();
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new CoverageReportsUnavailableException("S3 GetObject " + inventoryLocation() + " failed: "
                    + code(e));
        }
        try {
            return Optional.of(json.read(text));
        } catch (InventoryFormatException e) {
            throw new CoverageReportsUnavailableException(inventoryLocation() + ": " + e.getMessage());
        }
    }

    @Override
    public String save(Instant checkedAt, String report) {
        String dated = CoverageKeys.dated(checkedAt);
        put(dated, report);
        put(CoverageKeys.LATEST, report);
        return location(dated);
    }

    @Override
    public String inventoryLocation() {
        return location(OrganizationInventory.KEY);
    }

    private void put(String key, String report) {
        try {
            s3.putObject(request -> request.bucket(bucket).key(key).contentType("application/json"),
                    RequestBody.fromString(report, StandardCharsets.UTF_8));
        } catch (SdkException e) {
            throw new CoverageReportsUnavailableException("S3 PutObject " + location(key) + " failed: " + code(e));
        }
    }

    private String location(String key) {
        return "s3://" + bucket + "/" + key;
    }

    /** SDK messages are never copied: they can carry request details into a log line. */
    private static String code(SdkException e) {
        return e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null
                ? service.awsErrorDetails().errorCode() + " (HTTP " + service.statusCode() + ")"
                : e.getClass().getSimpleName();
    }
}
