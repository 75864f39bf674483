package dev.securitywatch.chat.secret;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The Slack secret, read once per container and re-read after {@code maxAge}, so a rotated webhook or token reaches
 * warm containers without a redeploy. {@link #invalidate()} forces a re-read after Slack rejected the credentials.
 */
public final class CachedSlackSecret implements Supplier<SlackSecret> {
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);

    private final SecretReader reader;
    private final String secretId;
    private final Duration maxAge;
    private final Clock clock;
    private SlackSecret value;
    private Instant readAt;

    public CachedSlackSecret(SecretReader reader, String secretId, Duration maxAge, Clock clock) {
        if (secretId == null || secretId.isBlank()) {
            throw new SecretFormatException("no Slack secret id configured");
        }
        this.reader = reader;
        this.secretId = secretId;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public CachedSlackSecret(SecretReader reader, String secretId) {
        this(reader, secretId, DEFAULT_MAX_AGE, Clock.systemUTC());
    }

    @Override
    public synchronized SlackSecret get() {
        Instant now = clock.instant();
        if (value == null || !now.isBefore(readAt.plus(maxAge))) {
            value = SlackSecret.parse(reader.read(secretId));
            readAt = now;
        }
        return value;
    }

    public synchronized void invalidate() {
        value = null;
    }
}
