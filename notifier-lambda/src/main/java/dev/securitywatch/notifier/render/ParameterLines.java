package dev.securitywatch.notifier.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Request parameters as compact {@code key: value} lines: nested keys joined with dots, CloudTrail's "items" hidden. */
public final class ParameterLines {
    static final int MAX_VALUE = 300;

    private ParameterLines() {
    }

    /** At most {@code maxLines} lines; a last line says how many more there were. */
    public static List<String> of(JsonNode parameters, Set<String> skip, int maxLines) {
        List<String> lines = new ArrayList<>();
        if (parameters != null && parameters.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = parameters.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!skip.contains(field.getKey())) {
                    collect(field.getKey(), field.getValue(), lines);
                }
            }
        }
        if (lines.size() > maxLines) {
            int more = lines.size() - (maxLines - 1);
            List<String> cut = new ArrayList<>(lines.subList(0, maxLines - 1));
            cut.add("… " + more + " more parameters");
            return cut;
        }
        return lines;
    }

    private static void collect(String path, JsonNode value, List<String> lines) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        if (value.isObject()) {
            if (value.size() == 1 && value.has("items")) {
                collect(path, value.get("items"), lines);
                return;
            }
            if (value.isEmpty()) {
                return;
            }
            value.fields().forEachRemaining(f -> collect(path + "." + f.getKey(), f.getValue(), lines));
            return;
        }
        if (value.isArray()) {
            if (allScalars(value)) {
                List<String> items = new ArrayList<>();
                value.forEach(v -> items.add(v.asText()));
                lines.add(path + ": [" + shorten(String.join(", ", items)) + "]");
            } else {
                for (int i = 0; i < value.size(); i++) {
                    collect(path + "[" + i + "]", value.get(i), lines);
                }
            }
            return;
        }
        lines.add(path + ": " + shorten(value.asText().replace('\n', ' ')));
    }

    private static boolean allScalars(JsonNode array) {
        for (JsonNode item : array) {
            if (item.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static String shorten(String value) {
        return value.length() <= MAX_VALUE ? value
                : value.substring(0, MAX_VALUE) + "… (" + (value.length() - MAX_VALUE) + " more characters)";
    }
}
