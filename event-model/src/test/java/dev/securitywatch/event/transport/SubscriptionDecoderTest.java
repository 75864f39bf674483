package dev.securitywatch.event.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.event.EventEnvelope;
import dev.securitywatch.event.testing.AcceptanceData;
import dev.securitywatch.event.testing.SubscriptionData;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionDecoderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ENCODED = "cwlogs/derived/encoded-DATA_MESSAGE-cloudtrail-stratus-records-1.json";
    private static final String DECODED = "cwlogs/derived/decoded-DATA_MESSAGE-cloudtrail-stratus-records-1.json";
    private final SubscriptionDecoder decoder = new SubscriptionDecoder(MAPPER);

    @Test
    void encodedCorpusPayloadDecodesToTheSameBatchAsItsDecodedCopy() {
        JsonNode encoded = AcceptanceData.sample(ENCODED).json();
        JsonNode decoded = AcceptanceData.sample(DECODED).json();

        assertThat(SubscriptionDecoder.isEncodedPayload(encoded)).isTrue();
        LogBatch fromEncoded = decoder.decode(encoded.path("awslogs").path("data").asText());
        LogBatch fromDecoded = decoder.read(decoded);

        assertThat(fromEncoded).isEqualTo(fromDecoded);
        assertThat(fromEncoded.isData()).isTrue();
        assertThat(fromEncoded.logEvents()).isNotEmpty();
        assertThat(fromEncoded.logEvents().get(0).message()).contains("eventName");
    }

    @Test
    void eachLogEventBecomesARecordWithItsIdAndTimestamp() {
        LogBatch batch = decoder.read(AcceptanceData.sample(DECODED).json());

        List<DeliveredRecord> records = batch.records(new EnvelopeParser(MAPPER));

        assertThat(records).extracting(DeliveredRecord::id)
                .containsExactlyElementsOf(batch.logEvents().stream().map(LogBatch.LogEvent::id).toList())
                .doesNotContainNull();
        assertThat(records.get(0).sentAt()).contains(Instant.ofEpochMilli(batch.logEvents().get(0).timestamp()));
        assertThat(records).allSatisfy(record -> assertThat(record.messages()).singleElement()
                .isInstanceOf(EventEnvelope.class));
    }

    @Test
    void aGzipBombIsRefusedUnreadWithoutInflatingIt() throws Exception {
        java.io.ByteArrayOutputStream compressed = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(compressed)) {
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 64; i++) {
                gzip.write(spaces);
            }
        }
        String bomb = Base64.getEncoder().encodeToString(compressed.toByteArray());
        assertThat(bomb.length()).as("64 MiB in under 100 KB").isLessThan(100_000);

        assertThatThrownBy(() -> decoder.decode(bomb)).isInstanceOf(SubscriptionDecoder.PayloadException.class)
                .hasMessage("awslogs.data inflates to more than 8388608 bytes, more than any CloudWatch Logs batch:"
                        + " refused unread");
    }

    @Test
    void controlMessageIsNotData() {
        LogBatch batch = decoder.decode(SubscriptionData.encode("{\"messageType\":\"CONTROL_MESSAGE\","
                + "\"owner\":\"CloudwatchLogs\",\"logGroup\":\"\",\"logStream\":\"\",\"subscriptionFilters\":[],"
                + "\"logEvents\":[{\"id\":\"\",\"timestamp\":1,\"message\":\"CWL CONTROL MESSAGE: Checking health of "
                + "destination\"}]}"));

        assertThat(batch.isData()).isFalse();
    }

    @Test
    void rejectsDataThatIsNotBase64() {
        assertThatThrownBy(() -> decoder.decode("%%% not base64"))
                .isInstanceOf(SubscriptionDecoder.PayloadException.class).hasMessageContaining("not base64");
    }

    @Test
    void rejectsDataThatIsNotGzip() {
        String plain = Base64.getEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> decoder.decode(plain))
                .isInstanceOf(SubscriptionDecoder.PayloadException.class).hasMessageContaining("not gzip");
    }

    @Test
    void rejectsJsonThatIsNotAPayload() {
        assertThatThrownBy(() -> decoder.decode(SubscriptionData.encode("{\"hello\":1}")))
                .isInstanceOf(SubscriptionDecoder.PayloadException.class)
                .hasMessageContaining("not a CloudWatch Logs subscription payload");
    }
}
