package dev.securitywatch.hubcheck.aws;

import dev.securitywatch.hubcheck.check.DependencyFailure;
import dev.securitywatch.lambdakit.text.Lines;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Words an SDK failure in one line that names the AWS error code, as a {@link DependencyFailure} or as text. */
final class AwsErrors {
    private AwsErrors() {
    }

    static DependencyFailure failure(String action, SdkException e) {
        return new DependencyFailure(describe(action, e), e);
    }

    /** The same one line, for a caller that records the failure instead of throwing it. */
    static String describe(String action, SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails().errorMessage();
            return action + " failed: " + (code == null ? "error" : code) + " (HTTP " + service.statusCode() + ")"
                    + (message == null ? "" : ": " + Lines.firstLine(message));
        }
        return action + " failed: " + Lines.firstLine(String.valueOf(e.getMessage()));
    }
}
