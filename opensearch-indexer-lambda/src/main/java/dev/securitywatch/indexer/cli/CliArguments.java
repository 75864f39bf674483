package dev.securitywatch.indexer.cli;

import dev.securitywatch.lambdakit.cli.CliException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options, {@code --flag} switches and positional arguments, checked against what a command takes. */
final class CliArguments {
    private final Map<String, String> options = new HashMap<>();
    private final List<String> flags = new ArrayList<>();
    private final List<String> positional = new ArrayList<>();

    CliArguments(String command, List<String> args, Set<String> valueOptions, Set<String> flagOptions) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (valueOptions.contains(arg)) {
                if (i + 1 >= args.size()) {
                    throw new CliException(command + ": " + arg + " needs a value");
                }
                options.put(arg, args.get(++i));
            } else if (flagOptions.contains(arg)) {
                flags.add(arg);
            } else if (arg.startsWith("--")) {
                throw new CliException(command + ": unknown option " + arg);
            } else {
                positional.add(arg);
            }
        }
    }

    String option(String name) {
        return options.get(name);
    }

    String required(String command, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new CliException(command + ": " + name + " is required");
        }
        return value;
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    List<String> positional() {
        return List.copyOf(positional);
    }
}
