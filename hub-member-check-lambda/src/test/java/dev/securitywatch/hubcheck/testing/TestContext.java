package dev.securitywatch.hubcheck.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A Lambda context whose logger keeps every line with its level. */
public final class TestContext implements Context {
    private final String functionArn;
    private final List<String> lines = new ArrayList<>();

    public TestContext(String functionArn) {
        this.functionArn = functionArn;
    }

    public List<String> lines() {
        return lines;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                lines.add(message);
            }

            @Override
            public void log(byte[] message) {
                lines.add(new String(message, StandardCharsets.UTF_8));
            }

            @Override
            public void log(String message, LogLevel level) {
                lines.add(level + " " + message);
            }
        };
    }

    @Override
    public String getInvokedFunctionArn() {
        return functionArn;
    }

    @Override
    public String getAwsRequestId() {
        return "c0ffee00-0000-4000-8000-000000000000";
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/hub-member-check";
    }

    @Override
    public String getLogStreamName() {
        return "2026/11/23/[$LATEST]0000";
    }

    @Override
    public String getFunctionName() {
        return "hub-member-check";
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
        return 180_000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 512;
    }
}
