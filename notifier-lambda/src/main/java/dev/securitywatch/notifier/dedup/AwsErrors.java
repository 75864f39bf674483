package dev.securitywatch.notifier.dedup;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** How the table adapters name a failure: the AWS error code, or the client-side failure's class. */
final class AwsErrors {
    private AwsErrors() {
    }

    /** SDK messages are never copied: they can carry request details into a log line. */
    static String code(SdkException e) {
        return e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null
                ? service.awsErrorDetails().errorCode() : e.getClass().getSimpleName();
    }
}
