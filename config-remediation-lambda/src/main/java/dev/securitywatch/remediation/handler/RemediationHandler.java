package dev.securitywatch.remediation.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.lambdakit.telemetry.Invocation;
import dev.securitywatch.remediation.aws.AwsClients;
import dev.securitywatch.remediation.invocation.InvocationParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The AWS Config custom rule Lambda: decode the invocation, run it ({@link ConfigRuleRun}: remediate, report to
 * Config, log and count what it did). Collaborators are built once per container; SnapStart's checkpoint primes the
 * code paths first.
 */
public final class RemediationHandler implements RequestStreamHandler {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] EMPTY_RESPONSE = "{}".getBytes(StandardCharsets.UTF_8);

    private final ConfigRuleRun run;
    final Priming priming;

    public RemediationHandler() {
        this(RemediationWiring.fromEnvironment(System.getenv(), MAPPER));
        priming.register();
    }

    RemediationHandler(RemediationWiring runtime) {
        InvocationParser parser = new InvocationParser(MAPPER);
        this.run = new ConfigRuleRun(parser, runtime.service(), runtime.configRule());
        this.priming = new Priming(runtime.planner(), parser, MAPPER);
    }

    /** Builds the handler against explicit clients and settings (tests and benchmarks). */
    public static RemediationHandler with(Map<String, String> environment, AwsClients clients) {
        return new RemediationHandler(RemediationWiring.create(environment, clients, MAPPER));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try (Invocation ignored = Invocation.start(context)) {
            run.run(MAPPER.readTree(input));
            output.write(EMPTY_RESPONSE);
        }
    }
}
