package dev.securitywatch.notifier.handler;

import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.lambdakit.snapstart.SnapStartPriming;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * SnapStart priming: before the snapshot, parse, classify, render and serialise a bundled sample SNS event (a
 * synthetic security-group change), so restored containers start with those classes loaded and JIT-warmed.
 * It delivers nothing and opens no connection: the secret, Slack and DynamoDB are first touched by a real event.
 */
final class Priming extends SnapStartPriming {
    static final String SAMPLE = "priming/sns-security-group-event.json";
    private static final int ROUNDS = 100;

    private final NotifierWiring runtime;

    Priming(NotifierWiring runtime) {
        this.runtime = runtime;
    }

    @Override
    protected void prime() {
        String sample = sample();
        for (int i = 0; i < ROUNDS; i++) {
            for (InboundMessage message : runtime.parser().parseText(sample)) {
                runtime.service().render(message).slack().json();
            }
        }
    }

    static String sample() {
        try (InputStream in = Priming.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("missing priming sample " + SAMPLE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
