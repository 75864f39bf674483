package dev.securitywatch.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whose event this is, decided once for every consumer: the envelope's account, region, time and source win, and
 * what the payload claims (a CloudTrail record's recipient account, region and event time; a finding's account and
 * region; a remediation result's account and region) fills in only where the envelope has nothing. Where the two
 * disagree, the envelope is believed and the disagreement is kept in {@link #mismatches()}.
 *
 * @param account    the account id, or null when neither envelope nor payload names one
 * @param region     the region, or null
 * @param time       when it happened; empty when no readable time stamp is present
 * @param timeText   the time as the event wrote it, for display: the payload's own form when it names the same instant
 *                   as the envelope (CloudTrail exports write {@code 2021-01-24 04:55:45.000}), else the text
 *                   {@link #time()} was read from; null when there is none
 * @param source     the EventBridge source, e.g. {@code aws.iam}
 * @param mismatches every field where the payload claims something other than the envelope
 */
public record EventOrigin(String account, String region, Optional<Instant> time, String timeText, String source,
                          List<Mismatch> mismatches) {

    public EventOrigin {
        mismatches = List.copyOf(mismatches);
    }

    /** The payload claims {@code payload} where the envelope says {@code envelope}; the envelope was believed. */
    public record Mismatch(String field, String envelope, String payload) {
        @Override
        public String toString() {
            return field + ": envelope " + envelope + ", payload " + payload;
        }
    }

    /** True when the payload claims nothing that the envelope contradicts. */
    public boolean agrees() {
        return mismatches.isEmpty();
    }

    static EventOrigin of(String source, String account, String region, String time, JsonNode detail) {
        PayloadClaims claims = PayloadClaims.of(source, detail);
        List<Mismatch> mismatches = new ArrayList<>();
        String originAccount = believe("account", account, claims.accounts(), mismatches);
        if (originAccount == null) {
            originAccount = claims.callerAccount();
        }
        String originRegion = believe("region", region, claims.regions(), mismatches);
        String originSource = believe("source", source,
                claims.source() == null ? List.of() : List.of(claims.source()), mismatches);

        Optional<Instant> envelopeTime = EventTimes.parse(time);
        Optional<Instant> payloadTime = EventTimes.parse(claims.time());
        Optional<Instant> originTime;
        String timeText;
        if (envelopeTime.isPresent()) {
            originTime = envelopeTime;
            boolean sameInstant = envelopeTime.equals(payloadTime);
            timeText = sameInstant ? claims.time() : time;
            if (claims.timeIsClaim() && payloadTime.isPresent() && !sameInstant) {
                mismatches.add(new Mismatch("time", time, claims.time()));
            }
        } else {
            originTime = payloadTime;
            timeText = payloadTime.isPresent() || time == null ? claims.time() : time;
        }
        return new EventOrigin(originAccount, originRegion, originTime, timeText, originSource, mismatches);
    }

    /** The envelope's value when it has one, recording each claim that differs; else the payload's first claim. */
    private static String believe(String field, String envelope, List<String> claimed, List<Mismatch> mismatches) {
        if (envelope == null) {
            return claimed.isEmpty() ? null : claimed.get(0);
        }
        claimed.stream().filter(claim -> !claim.equals(envelope)).distinct()
                .forEach(claim -> mismatches.add(new Mismatch(field, envelope, claim)));
        return envelope;
    }
}
