package dev.securitywatch.lambdakit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Commands("usage: tool echo|boom")
                .add("echo", rest -> {
                    new PrintStream(out, true, StandardCharsets.UTF_8).println(String.join(" ", rest));
                    return Commands.EXIT_OK;
                })
                .add("boom", rest -> {
                    throw new IllegalStateException("disk on fire\n\tat somewhere");
                })
                .add("bad", rest -> {
                    throw new CliException("bad.json: no such file");
                })
                .run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void dispatchesWithTheRemainingArguments() {
        assertThat(run("echo", "a", "b")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a b\n");
    }

    @Test
    void helpGoesToStdout() {
        for (String help : List.of("--help", "-h", "help")) {
            assertThat(run(help)).isZero();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: tool");
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("nope")).isEqualTo(2);
        assertThat(run("bad")).isEqualTo(2);
        assertThat(err().lines().toList()).containsExactly(
                "error: no command given; commands: echo, boom, bad (try --help)",
                "error: unknown command 'nope'; commands: echo, boom, bad (try --help)",
                "error: bad.json: no such file");
    }

    @Test
    void anUnexpectedFailureIsOneLineAndExitOneWithoutAStackTrace() {
        assertThat(run("boom")).isEqualTo(1);
        assertThat(err()).isEqualTo("error: IllegalStateException: disk on fire\n");
    }
}
