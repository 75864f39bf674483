package dev.securitywatch.lambdakit.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/**
 * A Lambda context for handler tests: a fixed request id, the given ARN and time budget. The handlers log through
 * SLF4J (see {@link LogCapture}); this context's logger only writes to stderr, as the runtime's would to the logs.
 */
public final class FakeLambdaContext implements Context {
    public static final String REQUEST_ID = "11111111-2222-3333-4444-555555555555";

    private final String functionArn;
    private final long remainingMillis;

    public FakeLambdaContext(String functionArn, long remainingMillis) {
        this.functionArn = functionArn;
        this.remainingMillis = remainingMillis;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.err.println(message);
            }

            @Override
            public void log(byte[] message) {
                System.err.println(new String(message, StandardCharsets.UTF_8));
            }
        };
    }

    @Override
    public String getInvokedFunctionArn() {
        return functionArn;
    }

    @Override
    public String getAwsRequestId() {
        return REQUEST_ID;
    }

    @Override
    public String getFunctionName() {
        String[] parts = functionArn.split(":");
        return parts.length > 6 ? parts[6] : functionArn;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + getFunctionName();
    }

    @Override
    public String getLogStreamName() {
        return "2026/11/22/[$LATEST]0000";
    }

    @Override
    public String getFunctionVersion() {
        return "1";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) remainingMillis;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }
}
