package dev.securitywatch.remediation.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.remediation.aws.AwsClients;
import dev.securitywatch.remediation.evaluation.InvocationReport;
import dev.securitywatch.remediation.invocation.ConfigInvocation;
import dev.securitywatch.remediation.invocation.InvalidInvocationException;
import dev.securitywatch.remediation.invocation.InvocationParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The AWS Config custom rule Lambda: decode the invocation, run the remediation service, log what it did.
 * Collaborators are built once per container; SnapStart's checkpoint primes the code paths first.
 */
public final class RemediationHandler implements RequestStreamHandler {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final RemediationWiring runtime;
    private final InvocationParser parser = new InvocationParser(MAPPER);
    private final InvocationLog log;
    final Priming priming;

    public RemediationHandler() {
        this(RemediationWiring.fromEnvironment(System.getenv(), MAPPER), System.out);
        priming.register();
    }

    RemediationHandler(RemediationWiring runtime, PrintStream logStream) {
        this.runtime = runtime;
        this.log = new InvocationLog(MAPPER, logStream);
        this.priming = new Priming(runtime.planner(), parser, MAPPER);
    }

    /** Builds the handler against explicit clients and settings (tests and benchmarks). */
    public static RemediationHandler with(Map<String, String> environment, AwsClients clients, PrintStream logStream) {
        return new RemediationHandler(RemediationWiring.create(environment, clients, MAPPER), logStream);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        InvocationReport report;
        ConfigInvocation invocation;
        try {
            invocation = parser.parse(MAPPER.readTree(input));
            report = runtime.service().remediate(invocation);
        } catch (InvalidInvocationException e) {
            // Retrying cannot fix a malformed event, but failing keeps it visible in the Errors metric.
            log.rejected(e.getMessage());
            throw e;
        }
        try {
            report = report.withWarnings(runtime.service().reportToConfig(invocation.resultToken(),
                    report.evaluations()));
        } catch (RuntimeException e) {
            // Log what was done before Lambda retries: the retry finds the groups fixed and changes nothing.
            log.failed(report, "evaluations not reported to Config: " + e.getMessage());
            throw e;
        }
        log.handled(report);
        output.write("{}".getBytes(StandardCharsets.UTF_8));
    }
}
