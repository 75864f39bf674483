package dev.securitywatch.event.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.event.transport.EnvelopeParser;
import dev.securitywatch.event.EventEnvelope;
import java.util.ArrayList;
import java.util.List;

/** The corpus as event envelopes: raw CloudTrail records wrapped, SNS unwrapped, findings wrapped. */
public final class CorpusEvents {
    /** An envelope with the corpus file it came from. */
    public record Labelled(String path, EventEnvelope envelope) {
        @Override
        public String toString() {
            return path;
        }
    }

    private CorpusEvents() {
    }

    public static List<Labelled> envelopes(String... folders) {
        EnvelopeParser parser = new EnvelopeParser(new ObjectMapper());
        List<Labelled> out = new ArrayList<>();
        for (AcceptanceData.Sample sample : AcceptanceData.under(folders)) {
            parser.parse(sample.json()).stream()
                    .filter(EventEnvelope.class::isInstance)
                    .map(EventEnvelope.class::cast)
                    .forEach(envelope -> out.add(new Labelled(sample.path(), envelope)));
        }
        return out;
    }

    /** The folders whose events can reach EventBridge rules. */
    public static List<Labelled> allEvents() {
        return envelopes("cloudtrail/", "eventbridge/", "sns/", "guardduty/", "securityhub/");
    }
}
