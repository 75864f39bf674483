package dev.securitywatch.infra.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.assertions.Template;

/**
 * A function's settings as the Lambda reads them: its environment (an unresolved value as its JSON) and the settings
 * file that {@code SETTINGS_FILE} names, read from the layer's staged asset.
 */
public final class LambdaSettings {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LambdaSettings() {
    }

    public static Map<String, String> of(Stack stack, String handler) {
        JsonNode resources = MAPPER.valueToTree(Template.fromStack(stack).toJSON()).path("Resources");
        JsonNode function = resources.findParents("Handler").stream()
                .filter(properties -> properties.path("Handler").asText().contains(handler))
                .findFirst().orElseThrow(() -> new AssertionError("no function with handler " + handler));
        Map<String, String> settings = new HashMap<>();
        function.path("Environment").path("Variables").properties().forEach(variable -> settings.put(
                variable.getKey(), variable.getValue().isTextual() ? variable.getValue().asText()
                        : variable.getValue().toString()));
        for (JsonNode layer : function.path("Layers")) {
            String zip = resources.path(layer.path("Ref").asText()).path("Properties").path("Content").path("S3Key")
                    .asText();
            Path file = Path.of(Stage.of(stack).getAssetOutdir(), "asset." + zip.replace(".zip", ""),
                    JavaFunction.SETTINGS_PATH);
            try {
                MAPPER.readTree(file.toFile()).properties()
                        .forEach(setting -> settings.put(setting.getKey(), setting.getValue().asText()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return settings;
    }
}
