package dev.securitywatch.lambdakit.cli;

import dev.securitywatch.lambdakit.text.Lines;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape every Security Watch CLI shares: sub-command dispatch, {@code --help}, and errors as one line on stderr
 * with exit code 2 for bad input and 1 for anything else. A user never sees a stack trace.
 */
public final class Commands {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;

    /** One sub-command: gets the arguments after its name and returns the exit code. */
    @FunctionalInterface
    public interface Command {
        int run(List<String> args);
    }

    private final String usage;
    private final Map<String, Command> commands = new LinkedHashMap<>();

    public Commands(String usage) {
        this.usage = usage;
    }

    public Commands add(String name, Command command) {
        commands.put(name, command);
        return this;
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && List.of("--help", "-h", "help").contains(args[0])) {
            out.println(usage);
            return EXIT_OK;
        }
        try {
            if (args.length == 0) {
                throw new CliException("no command given; commands: " + String.join(", ", commands.keySet())
                        + " (try --help)");
            }
            Command command = commands.get(args[0]);
            if (command == null) {
                throw new CliException("unknown command '" + args[0] + "'; commands: "
                        + String.join(", ", commands.keySet()) + " (try --help)");
            }
            return command.run(List.of(args).subList(1, args.length));
        } catch (CliException e) {
            err.println("error: " + e.getMessage());
            return CliException.EXIT_BAD_INPUT;
        } catch (RuntimeException e) {
            err.println("error: " + e.getClass().getSimpleName() + ": "
                    + Lines.firstLine(String.valueOf(e.getMessage())));
            return EXIT_FAILED;
        }
    }
}
