package dev.securitywatch.infra.lambda;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lambda module's fat jar, named by its content for staging in the StackSet's artifacts buckets: a new build is
 * a new key, so the StackSet template changes with it and CloudFormation rolls the new code out; the old keys stay
 * until no stack needs them.
 *
 * @param directory a folder holding only the named copy (what the bucket deployment uploads)
 * @param key       the object key in an artifacts bucket: {@code <module>/<module>-<sha256>.jar}
 */
public record StagedJar(Path directory, String key) {

    public static StagedJar of(String module) {
        Path jar = LambdaJar.of(module);
        String digest = sha256(jar);
        String name = module + "-" + digest + ".jar";
        Path directory = jar.getParent().resolve("staged").resolve(digest);
        try {
            Files.createDirectories(directory);
            Path copy = directory.resolve(name);
            if (!Files.isRegularFile(copy) || Files.size(copy) != Files.size(jar)) {
                Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage " + jar + " in " + directory, e);
        }
        return new StagedJar(directory, prefix(module) + name);
    }

    /** The folder in the bucket that a module's jars go to. */
    public static String prefix(String module) {
        return module + "/";
    }

    private static String sha256(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
