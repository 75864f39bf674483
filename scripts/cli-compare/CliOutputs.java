import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Runs every Security Watch CLI over every file of a corpus, in one JVM per jar, and writes one transcript per
 * (jar, command): for each call, its arguments, exit code, stdout and stderr. Two runs (before and after a change)
 * are compared with diff -r. System.exit is trapped so a thousand calls need no thousand JVMs.
 *
 * usage: java -Djava.security.manager=allow CliOutputs.java REPO CORPUS OUT
 */
public final class CliOutputs {
    static final class ExitTrap extends SecurityException {
        final int status;
        ExitTrap(int status) { super("exit " + status); this.status = status; }
    }

    @SuppressWarnings("removal")
    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]).toAbsolutePath();
        Path corpus = Path.of(args[1]).toAbsolutePath();
        Path out = Path.of(args[2]).toAbsolutePath();
        Files.createDirectories(out);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        Path hub = repo.resolve("scripts/cli-compare/hubcheck");
        System.setSecurityManager(new SecurityManager() {
            @Override public void checkExit(int status) { throw new ExitTrap(status); }
            @Override public void checkPermission(java.security.Permission perm) { }
            @Override public void checkPermission(java.security.Permission perm, Object context) { }
        });

        Path catalog = jar(repo, "event-catalog");
        run(catalog, out.resolve("catalog-misc.txt"), List.of(List.of(), List.of("--help"), List.of("list"),
                List.of("patterns"), List.of("patterns", "us-east-1"), List.of("patterns", "ap-northeast-1"),
                List.of("match"), List.of("match", "no-such-file.json")));
        run(catalog, out.resolve("catalog-match.txt"), perFile(files, "match"));

        Path notifier = jar(repo, "notifier-lambda");
        run(notifier, out.resolve("notifier-misc.txt"), List.of(List.of(), List.of("--help"), List.of("render"),
                List.of("render", "no-such-file.json"), List.of("send", "--webhook-url")));
        run(notifier, out.resolve("notifier-render.txt"), perFile(files, "render"));

        Path remediation = jar(repo, "config-remediation-lambda");
        List<List<String>> plans = new ArrayList<>(perFile(files, "plan"));
        plans.addAll(perFile(files, "plan", "--context", repo.resolve("cdk.json").toString()));
        plans.addAll(List.of(List.of(), List.of("--help"), List.of("plan"), List.of("plan", "--mode", "BOGUS", "x.json"),
                List.of("plan", "--exempt", "sg-nothex", "x.json")));
        run(remediation, out.resolve("remediation-plan.txt"), plans);

        Path hubCheck = jar(repo, "hub-member-check-lambda");
        List<List<String>> diffs = new ArrayList<>(List.of(List.of(), List.of("--help"), List.of("diff"),
                List.of("diff", hub.resolve("previous.json").toString(), hub.resolve("current.json").toString()),
                List.of("diff", "--timezone", "Asia/Tokyo", "--administrator", "111111111111",
                        hub.resolve("previous.json").toString(), hub.resolve("current.json").toString()),
                List.of("diff", hub.resolve("legacy.json").toString(), hub.resolve("current.json").toString()),
                List.of("diff", "--central-region", "us-east-1", hub.resolve("legacy.json").toString(),
                        hub.resolve("current.json").toString()),
                List.of("diff", "--timezone", "Mars/Base", hub.resolve("previous.json").toString(),
                        hub.resolve("current.json").toString())));
        for (Path file : files) {
            diffs.add(List.of("diff", hub.resolve("previous.json").toString(), file.toString()));
        }
        run(hubCheck, out.resolve("hubcheck-diff.txt"), diffs);

        Path indexer = jar(repo, "opensearch-indexer-lambda");
        run(indexer, out.resolve("indexer-misc.txt"), List.of(List.of(), List.of("--help"), List.of("map"),
                List.of("index", "x.json"), List.of("backfill")));
        run(indexer, out.resolve("indexer-map.txt"), perFile(files, "map"));
    }

    static Path jar(Path repo, String module) {
        return repo.resolve(module).resolve("target").resolve(module + ".jar");
    }

    static List<List<String>> perFile(List<Path> files, String... command) {
        List<List<String>> calls = new ArrayList<>();
        for (Path file : files) {
            List<String> call = new ArrayList<>(List.of(command));
            call.add(file.toString());
            calls.add(call);
        }
        return calls;
    }

    static void run(Path jar, Path transcript, List<List<String>> calls) throws Exception {
        String mainClass;
        try (JarFile file = new JarFile(jar.toFile())) {
            mainClass = file.getManifest().getMainAttributes().getValue("Main-Class");
        }
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        StringBuilder log = new StringBuilder();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            Method main = Class.forName(mainClass, true, loader).getMethod("main", String[].class);
            for (List<String> call : calls) {
                ByteArrayOutputStream stdout = new ByteArrayOutputStream();
                ByteArrayOutputStream stderr = new ByteArrayOutputStream();
                int status = 0;
                System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
                try {
                    main.invoke(null, (Object) call.toArray(String[]::new));
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof ExitTrap trap) {
                        status = trap.status;
                    } else {
                        status = -1;
                        System.err.println("uncaught: " + e.getCause());
                    }
                } finally {
                    System.out.flush();
                    System.err.flush();
                    System.setOut(realOut);
                    System.setErr(realErr);
                }
                log.append("$ ").append(String.join(" ", call)).append("\nexit ").append(status)
                        .append("\n--- stdout\n").append(stdout.toString(StandardCharsets.UTF_8))
                        .append("--- stderr\n").append(stderr.toString(StandardCharsets.UTF_8)).append('\n');
            }
        }
        Files.writeString(transcript, log.toString());
        realOut.println(transcript.getFileName() + ": " + calls.size() + " calls");
    }
}
