package dev.securitywatch.remediation.cli;

import dev.securitywatch.catalog.cli.CliException;
import java.io.PrintStream;
import java.util.Arrays;

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

    /** Exit code for a defect rather than bad input; still one line, never a stack trace. */
    static final int EXIT_INTERNAL_ERROR = 1;

    /** Runs a command; returns the process exit code (0 ok, 1 internal error, 2 bad input). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
                throw new CliException(USAGE);
            }
            if (!args[0].equals("plan")) {
                throw new CliException("unknown command \"" + args[0] + "\"; " + USAGE);
            }
            new PlanCommand(out).run(Arrays.copyOfRange(args, 1, args.length));
            out.flush();
            return 0;
        } catch (CliException e) {
            err.println("error: " + e.getMessage());
            return CliException.EXIT_BAD_INPUT;
        } catch (RuntimeException e) {
            err.println("error: internal error (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); please report it with the input file");
            return EXIT_INTERNAL_ERROR;
        }
    }
}
