package dev.securitywatch.infra.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The conventions of docs/architecture.md, checked on the sources of every module: which module may use which, no
 * package cycle, one name per role in every Lambda, and thin handlers. It lives in infra, the module built last,
 * and reads the repository's own sources, which every clone has.
 */
class ArchitectureTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Top to bottom: a module may use only modules above it. */
    private static final List<String> LAYERS = List.of("lambda-kit", "event-model", "event-catalog",
            "remediation-policy", "chat-delivery", "notifier-lambda", "config-remediation-lambda",
            "hub-member-check-lambda", "opensearch-indexer-lambda", "infra");
    private static final Set<String> LAMBDAS = Set.of("notifier-lambda", "config-remediation-lambda",
            "hub-member-check-lambda", "opensearch-indexer-lambda");
    /** What each module's main code may import from the project, beyond the layer rule. */
    private static final Map<String, Set<String>> NOT_ALLOWED = Map.of(
            "config-remediation-lambda", Set.of("event-catalog", "event-model", "chat-delivery"),
            "hub-member-check-lambda", Set.of("event-catalog", "event-model", "remediation-policy"),
            "infra", LAMBDAS);
    private static final int HANDLER_LINES = 15;

    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(dev\\.securitywatch\\.[\\w.]+);",
            Pattern.MULTILINE);

    private final Map<String, Map<String, Set<String>>> importsByModule = new LinkedHashMap<>();
    private final Map<String, String> moduleOfPackage = new HashMap<>();

    ArchitectureTest() {
        for (String module : modules()) {
            Map<String, Set<String>> imports = new TreeMap<>();
            for (Path file : javaFiles(ROOT.resolve(module).resolve("src/main/java"))) {
                String source = read(file);
                Matcher pkg = PACKAGE.matcher(source);
                if (!pkg.find()) {
                    continue;
                }
                moduleOfPackage.put(pkg.group(1), module);
                Set<String> imported = imports.computeIfAbsent(pkg.group(1), p -> new TreeSet<>());
                Matcher imp = IMPORT.matcher(source);
                while (imp.find()) {
                    imported.add(imp.group(1));
                }
            }
            importsByModule.put(module, imports);
        }
    }

    @Test
    void everyModuleIsInTheLayerTable() {
        assertThat(LAYERS).containsAll(modules());
    }

    @Test
    void aModuleUsesOnlyModulesAboveIt() {
        List<String> violations = new ArrayList<>();
        importsByModule.forEach((module, imports) -> imports.forEach((pkg, imported) -> {
            for (String name : imported) {
                String target = moduleOf(name);
                if (target == null || target.equals(module)) {
                    continue;
                }
                boolean above = LAYERS.indexOf(target) < LAYERS.indexOf(module);
                boolean lambdaToLambda = LAMBDAS.contains(module) && LAMBDAS.contains(target);
                boolean excluded = NOT_ALLOWED.getOrDefault(module, Set.of()).contains(target);
                if (!above || lambdaToLambda || excluded) {
                    violations.add(module + " (" + pkg + ") imports " + name + " from " + target);
                }
            }
        }));
        assertThat(violations).isEmpty();
    }

    @Test
    void noPackageCycleInAnyModule() {
        List<String> cycles = new ArrayList<>();
        importsByModule.forEach((module, imports) -> {
            Map<String, Set<String>> graph = new TreeMap<>();
            imports.forEach((pkg, imported) -> {
                Set<String> targets = new TreeSet<>();
                for (String name : imported) {
                    String target = packageOf(name);
                    if (target != null && !target.equals(pkg) && imports.containsKey(target)) {
                        targets.add(target);
                    }
                }
                graph.put(pkg, targets);
            });
            for (Set<String> component : stronglyConnected(graph)) {
                if (component.size() > 1) {
                    cycles.add(module + ": " + component);
                }
            }
        });
        assertThat(cycles).isEmpty();
    }

    @Test
    void everyLambdaHasOneNamePerRole() {
        for (String module : LAMBDAS) {
            Path handler = javaRoot(module).resolve("handler");
            try (Stream<Path> files = Files.list(handler)) {
                List<String> names = files.map(f -> f.getFileName().toString()).toList();
                assertThat(names).as(module).contains("Priming.java")
                        .anyMatch(name -> name.endsWith("Handler.java"))
                        .anyMatch(name -> name.endsWith("Wiring.java"));
            } catch (IOException e) {
                throw new AssertionError(module + " has no handler/ package", e);
            }
            try (Stream<Path> files = Files.walk(javaRoot(module))) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .as(module + ": one name per role")
                        .noneMatch(name -> name.matches(".*(Runtime|Factory|PrimingRun|SnapStartPriming)\\.java"))
                        .noneMatch(name -> name.matches(".*Environment\\.java"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void everyHandleRequestFitsInFifteenLines() {
        Pattern method = Pattern.compile("public [\\w<>, ]+ handleRequest\\(");
        for (String module : LAMBDAS) {
            for (Path file : javaFiles(javaRoot(module).resolve("handler"))) {
                List<String> lines = List.of(read(file).split("\n", -1));
                for (int i = 0; i < lines.size(); i++) {
                    if (method.matcher(lines.get(i)).find()) {
                        int end = i;
                        while (!lines.get(end).equals("    }")) {
                            end++;
                        }
                        assertThat(end - i + 1).as(file.getFileName() + " handleRequest lines")
                                .isLessThanOrEqualTo(HANDLER_LINES);
                    }
                }
            }
        }
    }

    private static Path javaRoot(String module) {
        String pkg = switch (module) {
            case "notifier-lambda" -> "notifier";
            case "config-remediation-lambda" -> "remediation";
            case "hub-member-check-lambda" -> "hubcheck";
            case "opensearch-indexer-lambda" -> "indexer";
            default -> throw new IllegalArgumentException(module);
        };
        return ROOT.resolve(module).resolve("src/main/java/dev/securitywatch").resolve(pkg);
    }

    private String moduleOf(String importName) {
        String pkg = packageOf(importName);
        return pkg == null ? null : moduleOfPackage.get(pkg);
    }

    /** The longest known package that prefixes an imported name (a class, a nested class or a static member). */
    private String packageOf(String importName) {
        String candidate = importName;
        while (candidate.contains(".")) {
            candidate = candidate.substring(0, candidate.lastIndexOf('.'));
            if (moduleOfPackage.containsKey(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new LinkedHashSet<>();
        List<Set<String>> components = new ArrayList<>();
        for (String start : graph.keySet()) {
            if (!index.containsKey(start)) {
                connect(start, graph, index, low, stack, onStack, components);
            }
        }
        return components;
    }

    private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                List<Set<String>> components) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, onStack, components);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            components.add(component);
        }
    }

    private static List<String> modules() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
                    .filter(dir -> Files.isDirectory(dir.resolve("src/main/java")))
                    .map(dir -> dir.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
