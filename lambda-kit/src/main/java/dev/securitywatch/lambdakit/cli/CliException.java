package dev.securitywatch.lambdakit.cli;

/** Bad user input for a command: printed as one line on stderr, exit code 2, never a stack trace. */
public class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final int EXIT_BAD_INPUT = 2;

    public CliException(String message) {
        super(message, null, false, false);
    }
}
