package dev.securitywatch.chat.secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The content of the Slack secret in Secrets Manager:
 * <pre>
 * {"webhookUrl": "https://hooks.slack.com/services/..."}
 * {"botToken": "xoxb-...", "defaultChannel": "C0123"}
 * </pre>
 * either optionally with {@code "chatworkToken"} and {@code "roomId"}.
 */
public record SlackSecret(SlackDestination slack, Optional<ChatworkRoom> chatwork) {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern ROOM_ID = Pattern.compile("[0-9]{1,20}");
    static final List<String> SLACK_WEBHOOK_HOSTS = List.of("hooks.slack.com", "hooks.slack-gov.com");
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    /** Parses the secret string. Error messages name fields, never values. */
    public static SlackSecret parse(String secretString) {
        JsonNode root;
        try {
            root = secretString == null ? null : MAPPER.readTree(secretString);
        } catch (IOException e) {
            throw new SecretFormatException("the Slack secret is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new SecretFormatException("the Slack secret must be a JSON object");
        }
        String webhookUrl = field(root, "webhookUrl");
        String botToken = field(root, "botToken");
        if ((webhookUrl == null) == (botToken == null)) {
            throw new SecretFormatException("the Slack secret needs exactly one of webhookUrl or botToken");
        }
        SlackDestination slack = webhookUrl != null ? new SlackDestination.Webhook(webhookUri(webhookUrl))
                : botToken(botToken, field(root, "defaultChannel"));
        return new SlackSecret(slack, chatwork(field(root, "chatworkToken"), field(root, "roomId")));
    }

    /**
     * An incoming webhook of Slack ({@code https://hooks.slack.com/...}, or GovSlack's), or a server on this machine
     * for a local dry run. Anything else would send every alert, and what it reveals, to whoever wrote the secret.
     */
    private static URI webhookUri(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new SecretFormatException("webhookUrl in the Slack secret is not a valid URL");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean slack = "https".equals(uri.getScheme()) && SLACK_WEBHOOK_HOSTS.contains(host);
        boolean local = ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && LOOPBACK.contains(host);
        if (!slack && !local) {
            throw new SecretFormatException("webhookUrl in the Slack secret must be an https URL on "
                    + String.join(" or ", SLACK_WEBHOOK_HOSTS) + " (or a loopback address, for a local dry run)");
        }
        return uri;
    }

    private static SlackDestination botToken(String token, String defaultChannel) {
        if (!token.startsWith("xox")) {
            throw new SecretFormatException("botToken in the Slack secret must be a Slack token (xoxb-...)");
        }
        if (defaultChannel == null) {
            throw new SecretFormatException("a Slack secret with botToken also needs defaultChannel");
        }
        return new SlackDestination.BotToken(token, defaultChannel);
    }

    private static Optional<ChatworkRoom> chatwork(String token, String roomId) {
        if (token == null && roomId == null) {
            return Optional.empty();
        }
        if (token == null || roomId == null) {
            throw new SecretFormatException("Chatwork needs both chatworkToken and roomId in the Slack secret");
        }
        if (!ROOM_ID.matcher(roomId).matches()) {
            throw new SecretFormatException("roomId in the Slack secret must be a numeric Chatwork room id");
        }
        return Optional.of(new ChatworkRoom(token, roomId));
    }

    private static String field(JsonNode root, String name) {
        JsonNode value = root.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new SecretFormatException(name + " in the Slack secret must be a non-blank string");
        }
        return value.asText().trim();
    }
}
