package dev.securitywatch.awslite.http;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An HTTP response: status, headers (names case-insensitive) and the body as text. */
public record HttpAnswer(int status, Map<String, List<String>> headers, String body) {

    public HttpAnswer {
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null) {
                byName.put(name, List.copyOf(values));
            }
        });
        headers = byName;
        body = body == null ? "" : body;
    }

    /** The first value of header {@code name}, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
