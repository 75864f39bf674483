package dev.securitywatch.lambdakit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.lambdakit.text.Lines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the JSON files a user names on a command line, with one-line errors a user can act on. */
public final class JsonFiles {
    private final ObjectMapper mapper;

    public JsonFiles(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public JsonNode read(Path file) {
        String text = readText(file);
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new CliException(file + ": file is empty, expected JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new CliException(file + ": not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "): " + Lines.firstLine(e.getOriginalMessage()));
        }
    }

    public static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new CliException(file + ": no such file");
        } catch (IOException e) {
            throw new CliException(file + ": cannot read (" + Lines.firstLine(String.valueOf(e.getMessage()))
                    + ")");
        }
    }
}
