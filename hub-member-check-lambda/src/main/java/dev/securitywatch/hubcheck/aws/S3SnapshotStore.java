package dev.securitywatch.hubcheck.aws;

import dev.securitywatch.hubcheck.check.SnapshotStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The snapshot bucket. Encryption comes from the bucket's default KMS key, so no request names a key. */
public final class S3SnapshotStore implements SnapshotStore {
    private final S3Client s3;
    private final String bucket;

    public S3SnapshotStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public List<String> keys(String prefix) {
        List<String> keys = new ArrayList<>();
        try {
            s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix))
                    .contents()
                    .stream()
                    .map(S3Object::key)
                    .forEach(keys::add);
        } catch (SdkException e) {
            throw AwsErrors.failure("S3 ListObjectsV2 " + location(prefix), e);
        }
        return keys;
    }

    @Override
    public String read(String key) {
        try {
            return s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asUtf8String();
        } catch (SdkException e) {
            throw AwsErrors.failure("S3 GetObject " + location(key), e);
        }
    }

    @Override
    public void write(String key, String json) {
        try {
            s3.putObject(request -> request.bucket(bucket).key(key).contentType("application/json"),
                    RequestBody.fromString(json, StandardCharsets.UTF_8));
        } catch (SdkException e) {
            throw AwsErrors.failure("S3 PutObject " + location(key), e);
        }
    }

    @Override
    public String location(String key) {
        return "s3://" + bucket + "/" + key;
    }
}
