package dev.securitywatch.hubcheck.aws;

import dev.securitywatch.hubcheck.check.DependencyFailure;
import dev.securitywatch.lambdakit.text.Lines;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns an SDK failure into a {@link DependencyFailure} whose one-line message names the AWS error code. */
final class AwsErrors {
    private AwsErrors() {
    }

    static DependencyFailure failure(String action, SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails().errorMessage();
            return new DependencyFailure(action + " failed: " + (code == null ? "error" : code)
                    + " (HTTP " + service.statusCode() + ")" + (message == null ? "" : ": " + Lines.firstLine(message)),
                    e);
        }
        return new DependencyFailure(action + " failed: " + Lines.firstLine(String.valueOf(e.getMessage())), e);
    }
}
