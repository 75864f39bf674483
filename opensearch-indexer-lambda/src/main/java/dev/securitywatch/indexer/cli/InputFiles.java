package dev.securitywatch.indexer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.lambdakit.cli.CliException;
import dev.securitywatch.lambdakit.cli.JsonFiles;
import dev.securitywatch.lambdakit.text.Lines;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Reads input files: JSON, or gzip-compressed JSON ({@code .gz}, as CloudTrail writes its S3 log files). */
final class InputFiles {
    private final ObjectMapper mapper;
    private final JsonFiles jsonFiles;

    InputFiles(ObjectMapper mapper) {
        this.mapper = mapper;
        this.jsonFiles = new JsonFiles(mapper);
    }

    JsonNode read(Path file) {
        if (!file.getFileName().toString().endsWith(".gz")) {
            return jsonFiles.read(file);
        }
        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliException(file + ": no such file");
        } catch (IOException e) {
            throw new CliException(file + ": not a readable gzip file (" + e.getMessage() + ")");
        }
        try {
            JsonNode json = mapper.readTree(text);
            if (json == null || json.isMissingNode()) {
                throw new CliException(file + ": file is empty, expected JSON");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new CliException(file + ": not valid JSON after gunzip (line " + e.getLocation().getLineNr()
                    + "): " + Lines.firstLine(e.getOriginalMessage()));
        }
    }

    /** The CloudTrail log files under a directory, in path order; digest files (integrity hashes) are not events. */
    static List<Path> logFilesUnder(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new CliException(directory + ": not a directory");
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".json.gz"))
                    .filter(p -> !p.toString().contains("CloudTrail-Digest"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new CliException(directory + ": cannot list (" + e.getMessage() + ")");
        }
    }
}
