package dev.securitywatch.hubcheck.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleInvocationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "scheduler input | {\"scheduledTime\":\"2026-11-23T02:00:00Z\"} | 2026-11-23T02:00:00Z |",
            "eventbridge rule event | {\"detail-type\":\"Scheduled Event\",\"time\":\"2026-11-23T02:00:00Z\"} | 2026-11-23T02:00:00Z |",
            "manual empty object | {} | |",
            "manual empty payload | '' | |",
            "manual string | \"run\" | |",
            "null time | {\"scheduledTime\":null} | |",
            "not JSON | {oops | | the payload is not JSON",
            "bad time | {\"scheduledTime\":\"tomorrow\"} | | the scheduled time is not an ISO-8601 instant"})
    void readsTheScheduledTimeWhenThereIsOne(String why, String payload, String scheduledTime, String ignored) {
        ScheduleInvocation invocation = ScheduleInvocation.parse(new ObjectMapper(),
                payload.getBytes(StandardCharsets.UTF_8));

        assertThat(invocation.scheduledTime()).isEqualTo(Optional.ofNullable(scheduledTime).map(Instant::parse));
        assertThat(invocation.ignoredInput()).isEqualTo(Optional.ofNullable(ignored));
    }
}
