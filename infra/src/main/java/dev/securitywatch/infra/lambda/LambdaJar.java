package dev.securitywatch.infra.lambda;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a Lambda module's fat jar, {@code <module>/target/<module>.jar}, from the repository root. */
public final class LambdaJar {
    private LambdaJar() {
    }

    public static Path of(String module) {
        Path jar = repositoryRoot().resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build it with"
                    + " `./mvnw -pl " + module + " -am package -DskipTests` (npx cdk synth does this for you)");
        }
        return jar;
    }

    /** The folder holding cdk.json: the CLI runs the app there, tests run in a module folder below it. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("cdk.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no cdk.json in " + dir + " or above: run from the repository root");
    }
}
