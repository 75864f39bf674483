package dev.securitywatch.remediation.cli;

import dev.securitywatch.lambdakit.cli.Commands;
import java.io.PrintStream;

/**
 * {@code java -jar config-remediation-lambda.jar plan [--context cdk.json | --allow-list FILE] [--mode MODE]
 * [--exempt sg-...] FILE...}: a dry run of what the Lambda would do to each group.
 */
public final class RemediationCli {
    static final String USAGE = "usage: plan [--context cdk.json | --allow-list FILE] [--mode REPORT_ONLY|REVOKE_ONLY"
            + "|ENFORCE] [--exempt sg-...]... FILE...";

    private RemediationCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command; returns the process exit code (0 ok, 1 internal error, 2 bad input). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new Commands(USAGE).add("plan", rest -> {
            new PlanCommand(out).run(rest.toArray(String[]::new));
            out.flush();
            return Commands.EXIT_OK;
        }).run(args, out, err);
    }
}
