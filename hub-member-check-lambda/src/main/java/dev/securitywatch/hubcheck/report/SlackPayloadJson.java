package dev.securitywatch.hubcheck.report;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** The {@code {"text": ..., "blocks": [...]}} body Slack receives, as slack-api-model serialises Block Kit. */
public final class SlackPayloadJson {
    private static final Gson GSON = new Gson();

    private SlackPayloadJson() {
    }

    public static String toJson(SlackMessage message) {
        JsonObject payload = new JsonObject();
        payload.addProperty("text", message.text());
        JsonArray blocks = GSON.toJsonTree(message.blocks()).getAsJsonArray();
        payload.add("blocks", blocks);
        return GSON.toJson(payload);
    }
}
