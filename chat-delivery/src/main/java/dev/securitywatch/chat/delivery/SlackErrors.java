package dev.securitywatch.chat.delivery;

import java.util.Set;
import java.util.regex.Pattern;

/** What Slack's error codes mean for delivery. */
final class SlackErrors {
    /** The blocks or attachments were refused; the text alone is still worth sending. */
    private static final Set<String> CONTENT_REJECTED = Set.of("invalid_blocks", "invalid_blocks_format",
            "invalid_attachments", "msg_too_long", "too_many_attachments", "no_text");
    private static final Set<String> CREDENTIALS_REJECTED = Set.of("invalid_auth", "not_authed", "token_revoked",
            "token_expired", "account_inactive", "invalid_token", "no_service", "no_team");
    /** {@code ok:false} codes that Slack documents as temporary. */
    private static final Set<String> TRANSIENT = Set.of("internal_error", "fatal_error", "service_unavailable",
            "request_timeout", "ratelimited");
    /** The parent of a reply, or the message to update, no longer exists for this token. */
    private static final Set<String> TARGET_GONE = Set.of("thread_not_found", "message_not_found",
            "invalid_thread_ts");
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z0-9_]{1,64}");

    private SlackErrors() {
    }

    static boolean isContentError(String code) {
        return CONTENT_REJECTED.contains(code);
    }

    static boolean isCredentialError(String code) {
        return CREDENTIALS_REJECTED.contains(code);
    }

    static boolean isTargetGone(String code) {
        return TARGET_GONE.contains(code);
    }

    static boolean isTransient(String code) {
        return TRANSIENT.contains(code);
    }

    /** A short error code from a response body, or a code built from the status when the body is not one. */
    static String code(String body, int status) {
        String trimmed = body == null ? "" : body.trim();
        return ERROR_CODE.matcher(trimmed).matches() ? trimmed : "http_" + status;
    }
}
