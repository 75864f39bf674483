package dev.securitywatch.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventTimesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
            "2024-08-01T10:00:00Z, 2024-08-01T10:00:00Z",
            "2024-08-01T10:00:00.123Z, 2024-08-01T10:00:00.123Z",
            "2024-08-01T12:00:00+02:00, 2024-08-01T10:00:00Z",
            "2019-10-02T17:04:40.985+0000, 2019-10-02T17:04:40.985Z",
            "2019-02-12T15:45:24+0100, 2019-02-12T14:45:24Z",
            "2022-09-27 17:09:18, 2022-09-27T17:09:18Z",
            "2022-09-27T17:09:18, 2022-09-27T17:09:18Z",
            "2021-05-20 15:53:47Z, 2021-05-20T15:53:47Z",
            "yesterday, none",
            "..., none",
            "1970-01-01T00:00:00Z, none",
            "3000-01-01T00:00:00Z, none",
            "'', none"})
    void readsEventTimesLenientlyWithinTheYears2000To2999(String text, String expected) {
        assertThat(EventTimes.parse(text)).isEqualTo(Optional.ofNullable(expected).map(Instant::parse));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
            "2017-12-08T15:32:49.865Z, 2017-12-08 15:32:49 UTC",
            "2020-01-15T15:55:49.624441+00:00, 2020-01-15 15:55:49 UTC",
            "2024-08-01T12:00:00+02:00, 2024-08-01 10:00:00 UTC",
            "2021-05-20 15:53:47Z, 2021-05-20 15:53:47 UTC",
            "1970-01-01T00:00:00Z, 1970-01-01 00:00:00 UTC",
            "2021-01-24 04:55:45.000, 2021-01-24 04:55:45.000 UTC",
            "2022-09-27T17:09:18, 2022-09-27T17:09:18 UTC",
            "..., ... UTC",
            "sometime UTC, sometime UTC",
            "none, unknown",
            "'', unknown"})
    void showsZonedTimesInUtcAndAnythingElseAsWritten(String text, String shown) {
        assertThat(EventTimes.display(text)).isEqualTo(shown);
    }
}
